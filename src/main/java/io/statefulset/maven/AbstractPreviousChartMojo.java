package io.statefulset.maven;

import io.statefulset.chart.Deadline;
import io.statefulset.registry.ChartReference;
import io.statefulset.registry.OciRegistry.Credentials;
import io.statefulset.registry.RegistryAccess;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * A goal that compares with the previous release's chart: where that chart is (a directory, an
 * archive, Maven coordinates or an OCI registry) and how to reach its registry.
 */
public abstract class AbstractPreviousChartMojo extends AbstractRenderingMojo {

    /**
     * The previous release's chart: a directory, a {@code .tgz}, Maven coordinates {@code
     * groupId:artifactId:version} of the chart artifact ({@code tgz}, classifier {@code helm}), or a
     * chart in an OCI registry, {@code oci://host[:port]/path/<chart>:<version>}, e.g. {@code
     * oci://ghcr.io/acme/charts/visit-counter:1.2.0}; the version {@code latest-release} stands for
     * the highest SemVer version there that is not a SNAPSHOT. Every StatefulSet change the API
     * server refuses in an upgrade is reported. Default: none, no upgrade check.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PREVIOUS_CHART)
    private String previousChart;

    /**
     * The version of an {@code oci://} {@code previousChart} that names none: a chart version such
     * as {@code 1.2.0}, or {@code latest-release}, the highest SemVer version in the registry that is
     * not a SNAPSHOT (what a release pipeline compares with). Default: none, the version is part of
     * {@code previousChart}; given in both places, the two must agree.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PREVIOUS_CHART_VERSION)
    private String previousChartVersion;

    /**
     * The id of the {@code settings.xml} {@code <server>} whose username and (possibly encrypted)
     * password log in to the registry of an {@code oci://} {@code previousChart}, e.g. {@code
     * chart-registry}. Default: none; then your own Helm login for the registry's host ({@code helm
     * registry login}) is used if there is one, else the registry is read anonymously.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PREVIOUS_CHART_SERVER_ID)
    private String previousChartServerId;

    /**
     * Talk plain HTTP to the registry of an {@code oci://} {@code previousChart} (a registry on
     * localhost or inside a trusted network). Default {@code false}; the same property as {@code
     * push}'s, so {@code -Dstatefulset.plainHttp=true} serves both.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PLAIN_HTTP, defaultValue = "false")
    private boolean plainHttp;

    /**
     * A PEM file with the CA certificates that sign the certificate of the registry of an {@code
     * oci://} {@code previousChart}, e.g. {@code ${project.basedir}/ci/registry-ca.pem}. Default:
     * the JDK's trusted CAs.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_FILE)
    private File caFile;

    /**
     * Accept any certificate from the registry of an {@code oci://} {@code previousChart}. For test
     * registries only. Default {@code false}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INSECURE_SKIP_TLS_VERIFY, defaultValue = "false")
    private boolean insecureSkipTlsVerify;

    /**
     * Seconds the pull of an {@code oci://} {@code previousChart} may take in all: the tag list for
     * {@code latest-release}, the manifest and the chart. A registry that stalls is given up on at
     * this deadline and the goal fails naming the URL. Default 60; e.g. {@code
     * <pullTimeout>120</pullTimeout>} for a slow registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PULL_TIMEOUT, defaultValue = "60")
    private int pullTimeout;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private SettingsDecrypter settingsDecrypter;

    /**
     * The previous chart as a local directory or archive, pulled into {@code pullDirectory} from a
     * registry or resolved from a Maven repository as needed; null when none is configured.
     */
    protected Path previousChart(Path root, Path pullDirectory) throws MojoFailureException, MojoExecutionException {
        if (previousChart == null || previousChart.isBlank()) {
            return null;
        }
        if (!ChartReference.isOci(previousChart)) {
            return new PreviousChartResolver(repositorySystem, session, project).resolve(previousChart, root);
        }
        if (pullTimeout < 1) {
            throw new MojoFailureException(
                    "<pullTimeout> = '" + pullTimeout + "': must be at least 1 (seconds); the default is 60");
        }
        String reference;
        Credentials credentials;
        try {
            ChartReference parsed = ChartReference.parse(previousChart, previousChartVersion);
            reference = parsed.toString();
            credentials = RegistryCredentials.resolve(
                    previousChartServerId,
                    PreviousChartResolver.SERVER_ID_ELEMENT,
                    settings,
                    settingsDecrypter,
                    parsed.registry(),
                    getLog());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(
                    PreviousChartResolver.ELEMENT + " = '" + previousChart.strip() + "': " + e.getMessage());
        }
        return PreviousChartResolver.pull(
                reference,
                credentials,
                new RegistryAccess(plainHttp, caFile == null ? null : caFile.toPath(), insecureSkipTlsVerify),
                Deadline.after(Duration.ofSeconds(pullTimeout), "<pullTimeout> (-D" + PropertyNames.PULL_TIMEOUT + ")"),
                pullDirectory,
                getLog());
    }
}
