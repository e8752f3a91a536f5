package io.statefulset.maven;

import io.statefulset.chart.ChartMetadata;
import io.statefulset.chart.Deadline;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.helm.ChartPusher;
import io.statefulset.helm.HelmException;
import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.HelmUnavailableException;
import io.statefulset.registry.OciRegistry;
import io.statefulset.registry.OciRegistry.Credentials;
import io.statefulset.registry.RegistryAccess;
import io.statefulset.registry.RegistryMessages;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes each packaged chart to an OCI registry with real Helm ({@code helm push}), with
 * credentials from a {@code settings.xml} {@code <server>}. A released version already in the
 * registry is not replaced unless {@code overwrite} is set; SNAPSHOT versions are replaced, as
 * Maven redeploys snapshots.
 */
@Mojo(name = "push", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushMojo extends AbstractStatefulSetMojo {

    /**
     * The registry and path to push to, {@code oci://host[:port]/path}; the chart lands at {@code
     * <path>/<chart>:<version>}. Nothing is pushed while it is unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_URL)
    private String pushUrl;

    /**
     * The id of the {@code settings.xml} {@code <server>} whose username and (possibly encrypted)
     * password log in to the registry, e.g. {@code chart-registry}. Without it, the push uses your
     * own Helm login for the registry's host ({@code helm registry login}), if there is one, and is
     * anonymous otherwise.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_SERVER_ID)
    private String pushServerId;

    /**
     * Talk plain HTTP to the registry (a registry on localhost or inside a trusted network).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PLAIN_HTTP, defaultValue = "false")
    private boolean plainHttp;

    /**
     * A PEM file with the CA certificates that sign the registry's certificate.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_FILE)
    private File caFile;

    /**
     * Accept any certificate from the registry. For test registries only.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INSECURE_SKIP_TLS_VERIFY, defaultValue = "false")
    private boolean insecureSkipTlsVerify;

    /**
     * Replace a released chart version that is already in the registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OVERWRITE, defaultValue = "false")
    private boolean overwrite;

    /**
     * Where the charts and their packaged archives are.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/helm")
    private File outputDirectory;

    /**
     * Seconds the whole push may take: the check whether the version is already there, Helm's
     * login and upload, and the check afterwards. A registry that stalls is given up on at this
     * deadline; the goal fails naming the URL, and no login is left behind. Default 300.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_TIMEOUT, defaultValue = "300")
    private int pushTimeout;

    /**
     * Skips {@code statefulset:push}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_SKIP, defaultValue = "false")
    private boolean skipPush;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    protected Goal goal() {
        return new Goal("statefulset:push", skipPush, PropertyNames.PUSH_SKIP);
    }

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        if (pushUrl == null || pushUrl.isBlank()) {
            getLog().info("Skipping statefulset:push: no <pushUrl> (" + PropertyNames.PUSH_URL + ") is configured");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping statefulset:push: the packaging of " + project.getArtifactId()
                    + " is pom, so no chart was packaged");
            return;
        }
        if (pushTimeout < 1) {
            throw new MojoFailureException(
                    "<pushTimeout> = '" + pushTimeout + "': must be at least 1 (seconds); the default is 300");
        }
        URI remote = remote();
        Credentials credentials = RegistryCredentials.resolve(
                pushServerId, "<pushServerId>", settings, settingsDecrypter, remote, getLog());
        RegistryAccess access =
                new RegistryAccess(plainHttp, caFile == null ? null : caFile.toPath(), insecureSkipTlsVerify);
        List<Path> charts = chartDirectories(null, outputDirectory);
        if (charts.isEmpty()) {
            throw new MojoFailureException("No chart in " + outputDirectory
                    + " to push; run statefulset:generate and statefulset:package first");
        }
        ChartPusher pusher =
                new ChartPusher(BuildHelm.runner(session, (int) HelmRunner.DEFAULT_RENDER_TIMEOUT.toSeconds()));
        for (Path chart : charts) {
            try {
                ChartMetadata metadata = ChartMetadata.read(chart);
                Path archive = outputDirectory.toPath().resolve(metadata.archiveName());
                if (!Files.isRegularFile(archive)) {
                    throw new MojoFailureException(
                            archive + " does not exist; run statefulset:package (mvn package) before statefulset:push");
                }
                Deadline deadline = Deadline.after(
                        Duration.ofSeconds(pushTimeout), "<pushTimeout> (-D" + PropertyNames.PUSH_TIMEOUT + ")");
                ChartPusher.Pushed pushed =
                        pusher.push(archive, metadata, remote, credentials, access, overwrite, deadline);
                getLog().info((pushed.replaced() ? "Replaced " : "Pushed ") + "oci://" + pushed.reference() + " ("
                        + pushed.digest() + ")");
            } catch (ChartPusher.AlreadyPushedException e) {
                throw new MojoFailureException(e.getMessage(), e);
            } catch (OciRegistry.AccessDeniedException e) {
                throw new MojoFailureException("Cannot push to " + pushUrl + ": " + e.getMessage(), e);
            } catch (HelmUnavailableException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            } catch (HelmException | RegistryMessages.RegistryUnreachableException e) {
                // A stalled, absent or misconfigured registry: the message names the URL and the fix.
                throw new MojoFailureException("Cannot push to " + pushUrl + ": " + e.getMessage(), e);
            } catch (RefusedInputException e) {
                throw new MojoFailureException("Cannot push " + chart + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot push to " + pushUrl + ": " + e.getMessage(), e);
            }
        }
    }

    private URI remote() throws MojoFailureException {
        try {
            URI uri = new URI(pushUrl.trim());
            if (!"oci".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(pushUrl, "not oci://");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new MojoFailureException("<pushUrl> = '" + pushUrl
                    + "': not an OCI registry URL; write it like oci://registry.example.org/charts");
        }
    }
}
