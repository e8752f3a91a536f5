package io.statefulset.maven;

import io.statefulset.chart.ChartPackaging;
import io.statefulset.chart.ChartRejectedException;
import io.statefulset.chart.PackageRun;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.helm.HelmChartPackaging;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages each chart as {@code <outputDirectory>/<chart>-<version>.tgz} with the files {@code helm
 * package} would put in it (Helm decides, {@code .helmignore} included), reproducibly (sorted
 * entries, fixed owner and mode, timestamps from {@code project.build.outputTimestamp}), and
 * attaches it to the project (type {@code tgz}, classifier {@code helm}) so that {@code install} and
 * {@code deploy} publish it like any artifact.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractRenderingMojo {
    /** Used when the project sets no {@code project.build.outputTimestamp}. */
    static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    /**
     * Where the charts are, and where the archives are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/helm")
    private File outputDirectory;

    /**
     * One chart directory to package instead of every chart under {@code outputDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CHART_DIRECTORY)
    private File chartDirectory;

    /**
     * The time stamped on every archive entry: an ISO-8601 instant (e.g. {@code
     * 2026-01-01T00:00:00Z}) or seconds since the epoch, as Maven's reproducible builds use. Default
     * {@code 1980-01-01T00:00:00Z} when the project sets none.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Skips {@code statefulset:package}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_SKIP, defaultValue = "false")
    private boolean skipPackage;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected Goal goal() {
        return new Goal("statefulset:package", skipPackage, PropertyNames.PACKAGE_SKIP);
    }

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("Skipping statefulset:package: the packaging of " + project.getArtifactId()
                    + " is pom, which Maven attaches nothing to; use a module with jar packaging for the chart");
            return;
        }
        List<Path> charts = chartDirectories(chartDirectory, outputDirectory);
        if (charts.isEmpty()) {
            getLog().warn("No chart to package in " + outputDirectory + "; run statefulset:generate first, or set "
                    + PropertyNames.CHART_DIRECTORY);
            return;
        }
        PackageRun run = new PackageRun(
                new File(project.getBuild().getDirectory(), "statefulset").toPath(),
                outputDirectory.toPath(),
                timestamp(),
                pluginIdentity());
        ChartPackaging helm = null;
        for (Path chart : charts) {
            try {
                Optional<PackageRun.Packed> unchanged = run.unchanged(chart);
                PackageRun.Packed packed;
                if (unchanged.isPresent()) {
                    packed = unchanged.get();
                    getLog().info("Chart archive " + packed.archive() + " is up to date (sha256 " + packed.sha256()
                            + "); nothing to do");
                } else {
                    // Helm is only started when there is something to package.
                    helm = helm == null ? new HelmChartPackaging(helm()) : helm;
                    packed = run.pack(chart, helm);
                    getLog().info("Packaged " + packed.archive() + " (sha256 " + packed.sha256() + ")");
                }
                String classifier = charts.size() == 1 ? "helm" : "helm-" + chart.getFileName();
                projectHelper.attachArtifact(
                        project, "tgz", classifier, packed.archive().toFile());
            } catch (RefusedInputException | ChartRejectedException e) {
                throw new MojoFailureException("Cannot package " + chart + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot package " + chart + ": " + e.getMessage(), e);
            }
        }
    }

    private Instant timestamp() throws MojoFailureException {
        if (outputTimestamp == null || outputTimestamp.isBlank() || outputTimestamp.length() == 1) {
            // Maven's convention: unset, or a single character, means "not reproducible"; we still are.
            return DEFAULT_TIMESTAMP;
        }
        try {
            if (outputTimestamp.matches("[0-9]+")) {
                return Instant.ofEpochSecond(Long.parseLong(outputTimestamp));
            }
            return OffsetDateTime.parse(outputTimestamp).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MojoFailureException("project.build.outputTimestamp = '" + outputTimestamp
                    + "': neither an ISO-8601 time such as 2026-01-01T00:00:00Z nor seconds since the epoch");
        }
    }
}
