package io.statefulset.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds the previous release's chart named by {@code <previousChart>}: a directory or {@code .tgz}
 * on disk, or Maven coordinates of the released chart artifact, resolved like any dependency.
 */
final class PreviousChartResolver {
    static final String ELEMENT = "<previousChart>";

    private final RepositorySystem repositorySystem;
    private final MavenSession session;
    private final MavenProject project;

    PreviousChartResolver(RepositorySystem repositorySystem, MavenSession session, MavenProject project) {
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.project = project;
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
