package io.statefulset.maven;

import io.statefulset.chart.Deadline;
import io.statefulset.registry.ChartPuller;
import io.statefulset.registry.ChartReference;
import io.statefulset.registry.OciRegistry;
import io.statefulset.registry.OciRegistry.Credentials;
import io.statefulset.registry.RegistryAccess;
import io.statefulset.registry.RegistryMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds the previous release's chart named by {@code <previousChart>}: a directory or {@code .tgz}
 * on disk, Maven coordinates of the released chart artifact, resolved like any dependency, or a
 * chart in an OCI registry ({@code oci://host[:port]/path/<chart>:<version>}), pulled.
 */
final class PreviousChartResolver {
    static final String ELEMENT = "<previousChart>";
    static final String SERVER_ID_ELEMENT = "<previousChartServerId>";

    private final RepositorySystem repositorySystem;
    private final MavenSession session;
    private final MavenProject project;

    PreviousChartResolver(RepositorySystem repositorySystem, MavenSession session, MavenProject project) {
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.project = project;
    }

    /**
     * Pulls {@code oci://…/<chart>:<version>} (or {@code :latest-release}, the highest version that
     * is not a SNAPSHOT) into {@code directory}. Every failure names {@code <previousChart>}, the
     * reference and the registry's URL.
     */
    static Path pull(
            String previous, Credentials credentials, RegistryAccess access, Deadline deadline, Path directory, Log log)
            throws MojoFailureException, MojoExecutionException {
        ChartReference reference;
        try {
            reference = ChartReference.parse(previous);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(ELEMENT + " = '" + previous + "': " + e.getMessage());
        }
        String at = ELEMENT + " = '" + previous + "': ";
        try {
            OciRegistry registry =
                    new OciRegistry(reference.registry(), credentials, SERVER_ID_ELEMENT, access, deadline);
            ChartPuller.Pulled pulled = new ChartPuller(registry).pull(reference, directory);
            log.info("Pulled " + reference.registry() + "/" + reference.chart() + ":" + pulled.version()
                    + (reference.latestRelease() ? " (" + ChartReference.LATEST_RELEASE + ")" : "")
                    + " as the previous chart (" + pulled.digest() + ")");
            return pulled.archive();
        } catch (OciRegistry.NotFoundException e) {
            throw new MojoFailureException(
                    at
                            + e.getMessage()
                            + (reference.latestRelease()
                                    ? ""
                                    : "; check the version, or write " + reference.registry() + "/"
                                            + reference.chart() + ":" + ChartReference.LATEST_RELEASE
                                            + " for the highest release there"),
                    e);
        } catch (OciRegistry.AccessDeniedException | RegistryMessages.RegistryUnreachableException e) {
            throw new MojoFailureException(at + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(at + "the chart could not be pulled: " + e.getMessage(), e);
        }
    }

    Path resolve(String previous, Path root) throws MojoFailureException {
        Path path = root.resolve(previous);
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("Chart.yaml"))) {
                throw new MojoFailureException(ELEMENT + " = '" + previous + "': the directory holds no Chart.yaml");
            }
            return path;
        }
        if (Files.isRegularFile(path)) {
            return path;
        }
        String[] parts = previous.split(":");
        if (parts.length < 3 || parts.length > 5 || previous.contains("/") || previous.contains("\\")) {
            throw new MojoFailureException(
                    ELEMENT + " = '" + previous + "': neither an existing chart directory, a .tgz file, nor"
                            + " Maven coordinates groupId:artifactId:version[:type[:classifier]]");
        }
        String type = parts.length > 3 ? parts[3] : "tgz";
        String classifier = parts.length > 4 ? parts[4] : "helm";
        DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], classifier, type, parts[2]);
        List<RemoteRepository> repositories = project == null ? List.of() : project.getRemoteProjectRepositories();
        try {
            return repositorySystem
                    .resolveArtifact(session.getRepositorySession(), new ArtifactRequest(artifact, repositories, null))
                    .getArtifact()
                    .getFile()
                    .toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException(
                    ELEMENT + " = '" + previous + "': the chart artifact " + artifact + " cannot be resolved ("
                            + e.getMessage() + "); was the previous release deployed with statefulset:package?",
                    e);
        }
    }
}
