package io.statefulset.maven;

import io.statefulset.helm.HelmChartRenderer;
import io.statefulset.helm.HelmRunner;
import io.statefulset.maven.config.RuleSetting;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.Finding;
import io.statefulset.validate.ManifestException;
import io.statefulset.validate.ReportWriter;
import io.statefulset.validate.Rules;
import io.statefulset.validate.Severity;
import io.statefulset.validate.SourceLocator;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.ValidationReport;
import io.statefulset.validate.Validator;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Checks charts the way the Kubernetes API server and a careful reviewer would: {@code helm lint
 * --strict}, a strict read of every rendered object, StatefulSet, hook and pod-hardening rules,
 * and, given the previous release's chart, every change an upgrade would be refused. Works on the
 * chart {@code generate} wrote, on any chart directory ({@code -Dstatefulset.chartDirectory}) and
 * on rendered manifests ({@code -Dstatefulset.manifests}), with or without a POM.
 *
 * <p>Rules (id, default severity; {@code mvn statefulset:help -Ddetail} and the README explain each):
 * <!-- rule catalogue: start -->
 * <!-- rule catalogue: end -->
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractStatefulSetMojo {

    /**
     * The chart directory to validate (any Helm chart). Default: every chart under {@code
     * outputDirectory}, i.e. what {@code generate} wrote.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CHART_DIRECTORY)
    private File chartDirectory;

    /**
     * A rendered multi-document YAML stream to validate instead of a chart, e.g. {@code helm
     * template} output.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFESTS)
    private File manifests;

    /**
     * The release name to render with. Default for charts: {@code release-name}; for manifests:
     * the objects' {@code app.kubernetes.io/instance} label.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_NAME)
    private String releaseName;

    /**
     * Extra values files, each rendered and checked as a variant of its own on top of the chart's
     * defaults (like chart-testing's {@code ci/*-values.yaml}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALUES_FILES)
    private List<File> valuesFiles;

    /**
     * The previous release's chart: a directory, a {@code .tgz}, or Maven coordinates {@code
     * groupId:artifactId:version} of the chart artifact ({@code tgz}, classifier {@code helm}).
     * Every StatefulSet change the API server refuses in an upgrade is reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PREVIOUS_CHART)
    private String previousChart;

    /**
     * Re-grades rules: {@code <rules><rule><id>image-tag</id><severity>off</severity></rule></rules>};
     * severities {@code error}, {@code warning}, {@code info}, {@code off}. A single object can
     * opt out with the annotation {@code validate.statefulset.io/skip: "rule-id,…"}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<RuleSetting> rules;

    /**
     * The severity from which a finding fails the build: {@code error}, {@code warning} or {@code
     * info}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON, defaultValue = "error")
    private String failOn;

    /**
     * The Kubernetes version to render for (Helm's {@code --kube-version}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.KUBE_VERSION)
    private String kubeVersion;

    /**
     * Where charts are looked for when {@code chartDirectory} is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/helm")
    private File outputDirectory;

    /**
     * Where {@code validation.json} and {@code validation.sarif} are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPORTS_DIRECTORY, defaultValue = "${project.build.directory}/statefulset")
    private File reportsDirectory;

    /**
     * Skips {@code statefulset:validate}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALIDATE_SKIP, defaultValue = "false")
    private boolean skipValidate;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    protected String goal() {
        return "statefulset:validate";
    }

    @Override
    protected boolean goalSkipped() {
        return skipValidate;
    }

    @Override
    protected String goalSkipProperty() {
        return PropertyNames.VALIDATE_SKIP;
    }

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        Validator validator = new Validator(config());
        ChartValidator charts = new ChartValidator(new HelmChartRenderer(new HelmRunner(), kubeVersion), validator);
        Path root = projectRoot();
        List<Report> reports = new ArrayList<>();
        try {
            if (manifests != null) {
                String stream = readStream(manifests.toPath());
                reports.add(new Report(
                        manifests.toPath(),
                        charts.validateManifests(stream, releaseName),
                        manifests.toPath().getParent()));
            } else {
                List<Path> chartDirs = chartDirectories();
                if (chartDirs.isEmpty()) {
                    getLog().warn("No chart to validate in " + outputDirectory
                            + "; run statefulset:generate first, or set " + PropertyNames.CHART_DIRECTORY + " or "
                            + PropertyNames.MANIFESTS);
                    return;
                }
                Path previous = previousChart == null || previousChart.isBlank()
                        ? null
                        : new PreviousChartResolver(repositorySystem, session, project).resolve(previousChart, root);
                for (Path chart : chartDirs) {
                    ValidationReport report = charts.validateChart(chart, releaseName, valuesPaths(), previous);
                    reports.add(new Report(chart, report, chart.getParent()));
                }
            }
            writeAndLog(reports, root);
        } catch (ManifestException e) {
            throw new MojoFailureException("Cannot validate " + manifests + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Validation could not read or write its files: " + e.getMessage(), e);
        }
    }

    private record Report(Path input, ValidationReport report, Path chartsDirectory) {}

    private void writeAndLog(List<Report> reports, Path root) throws IOException, MojoFailureException {
        List<Finding> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Report r : reports) {
            for (Finding f : r.report().findings()) {
                switch (f.severity()) {
                    case ERROR -> getLog().error(f.line());
                    case WARNING -> getLog().warn(f.line());
                    default -> getLog().info(f.line());
                }
            }
            getLog().info("statefulset:validate " + root.relativize(r.input().toAbsolutePath()) + ": "
                    + r.report().summary());
            all.addAll(r.report().findings());
            if (r.report().failed()) {
                failures.add(r.input().getFileName() + " (" + r.report().summary() + ")");
            }
        }
        Severity threshold = config().failOn();
        ValidationReport combined = new ValidationReport(
                all,
                reports.stream().mapToInt(r -> r.report().objects()).sum(),
                reports.stream()
                        .flatMap(r -> r.report().variants().stream())
                        .distinct()
                        .toList(),
                threshold);
        Path dir = reportsDirectory.toPath();
        Files.createDirectories(dir);
        SourceLocator locator = new SourceLocator(reports.get(0).chartsDirectory(), root);
        writeAtomically(dir.resolve("validation.json"), ReportWriter.json(combined));
        writeAtomically(
                dir.resolve("validation.sarif"),
                ReportWriter.sarif(combined, pluginVersion == null ? "dev" : pluginVersion, locator::locate));
        getLog().info("Reports: " + dir.resolve("validation.json") + ", " + dir.resolve("validation.sarif"));
        if (!failures.isEmpty()) {
            throw new MojoFailureException("statefulset:validate found problems at or above '" + threshold.label()
                    + "' in "
                    + String.join(", ", failures) + ". Each is listed above with its fix; switch a rule off with"
                    + " <rules><rule><id>…</id><severity>off</severity></rule></rules> if it does not apply.");
        }
    }

    private ValidationConfig config() throws MojoFailureException {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (rules != null) {
            for (int i = 0; i < rules.size(); i++) {
                RuleSetting setting = rules.get(i);
                String at = "<rules><rule>[" + (i + 1) + "]";
                if (setting.id() == null || Rules.byId(setting.id()).isEmpty()) {
                    throw new MojoFailureException(
                            at + "<id> = '" + setting.id() + "': no such rule; the rules are listed by"
                                    + " `mvn statefulset:help -Ddetail -Dgoal=validate` and in the README");
                }
                try {
                    severities.put(setting.id(), Severity.parse(setting.severity()));
                } catch (IllegalArgumentException e) {
                    throw new MojoFailureException(at + "<severity> = '" + setting.severity() + "': " + e.getMessage());
                }
            }
        }
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<failOn> = '" + failOn + "': " + e.getMessage());
        }
        if (threshold == Severity.OFF) {
            throw new MojoFailureException(
                    "<failOn> = 'off': would never fail; use error, warning or info, or skip with -D"
                            + PropertyNames.VALIDATE_SKIP + "=true");
        }
        return new ValidationConfig(severities, threshold);
    }

    private List<Path> chartDirectories() throws IOException, MojoFailureException {
        if (chartDirectory != null) {
            if (!Files.isRegularFile(chartDirectory.toPath().resolve("Chart.yaml"))) {
                throw new MojoFailureException(
                        "<chartDirectory> = '" + chartDirectory + "': not a chart directory (no Chart.yaml)");
            }
            return List.of(chartDirectory.toPath());
        }
        if (!outputDirectory.isDirectory()) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(outputDirectory.toPath())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")))
                    .sorted()
                    .toList();
        }
    }

    private List<Path> valuesPaths() throws MojoFailureException {
        List<Path> paths = new ArrayList<>();
        if (valuesFiles != null) {
            for (File file : valuesFiles) {
                if (!file.isFile()) {
                    throw new MojoFailureException("<valuesFiles> = '" + file + "': no such file");
                }
                paths.add(file.toPath());
            }
        }
        return paths;
    }

    private static String readStream(Path file) throws IOException, MojoFailureException {
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("<manifests> = '" + file + "': no such file");
        }
        long size = Files.size(file);
        if (size > io.statefulset.validate.ManifestReader.MAX_STREAM_CHARS) {
            throw new MojoFailureException("<manifests> = '" + file + "': " + size + " bytes, more than the "
                    + io.statefulset.validate.ManifestReader.MAX_STREAM_CHARS
                    + " accepted; validate the parts separately");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private Path projectRoot() {
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath().toAbsolutePath();
        }
        return Path.of("").toAbsolutePath();
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temp =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(
                temp,
                target,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
