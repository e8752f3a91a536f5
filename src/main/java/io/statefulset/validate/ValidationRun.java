package io.statefulset.validate;

import io.statefulset.chart.AtomicWrite;
import io.statefulset.chart.Fingerprint;
import io.statefulset.chart.UpToDate;
import io.statefulset.chart.Utf8Text;
import io.statefulset.validate.ChartRenderer.RenderStoppedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of {@code validate}: the charts (or a rendered stream) checked, every finding of every
 * input gathered into one JSON and one SARIF report, and the up-to-date record that lets a repeat
 * with the same inputs do nothing, decided before any rule or Helm is loaded. What to log and
 * whether to fail is left to the caller.
 */
public final class ValidationRun {
    /**
     * What a run works with, all of it cheap to build: deciding that a run is up to date loads no
     * rule, no Kubernetes model and no Helm.
     *
     * @param rules the rule settings and {@code failOn} as written: part of what the result depends on
     * @param identity the tool's identity (its version and build): reports of another build of the
     *     tool do not count as up to date
     * @param settings everything else the result depends on that is not a file: release name,
     *     Kubernetes version
     */
    public record Setup(
            String rules,
            String releaseName,
            List<Path> valuesFiles,
            Path reportsDirectory,
            Path projectRoot,
            String toolVersion,
            String identity,
            String settings) {
        public Setup {
            valuesFiles = List.copyOf(valuesFiles);
        }
    }

    /** What checks the inputs, built only when there is something to check. */
    public record Checks(ChartValidator validator, ValidationConfig config) {}

    /** One validated input (a chart directory or a stream) and its report. */
    public record Report(Path input, ValidationReport report) {}

    /**
     * The outcome: the reports of each input, the files they were written to, and the inputs whose
     * findings reach {@code failOn}.
     */
    public record Outcome(List<Report> reports, Path json, Path sarif, List<String> failures) {
        public Outcome {
            reports = List.copyOf(reports);
            failures = List.copyOf(failures);
        }
    }

    private final Setup setup;

    public ValidationRun(Setup setup) {
        this.setup = setup;
    }

    /**
     * Whether validating these charts (compared with {@code previousChart}, a directory or {@code
     * .tgz}, if given) can be skipped: the charts, values files, previous chart, rules and settings
     * are those of the last run that passed, and its reports are untouched.
     */
    public boolean isUpToDate(List<Path> charts, Path previousChart) throws IOException {
        return record().isCurrent(inputs(charts, previousChart), reportsHash());
    }

    /** Validates each chart directory, comparing with {@code previousChart} if given. */
    public Outcome charts(Checks checks, List<Path> charts, Path previousChart)
            throws IOException, RenderStoppedException {
        String inputs = inputs(charts, previousChart);
        UpToDate record = record();
        record.forget();
        List<Report> reports = new ArrayList<>();
        for (Path chart : charts) {
            reports.add(new Report(
                    chart,
                    checks.validator().validateChart(chart, setup.releaseName(), setup.valuesFiles(), previousChart)));
        }
        Outcome outcome = write(checks.config(), reports, charts.get(0).getParent());
        if (outcome.failures().isEmpty()) {
            record.remember(inputs, reportsHash().orElseThrow());
        }
        return outcome;
    }

    /** Validates a rendered multi-document stream, read as strict UTF-8 up to the stream limit. */
    public Outcome manifests(Checks checks, Path stream) throws IOException, ManifestException {
        String text =
                Utf8Text.read(stream, ManifestReader.MAX_STREAM_CHARS, "validate the parts of the stream separately");
        Report report = new Report(stream, checks.validator().validateManifests(text, setup.releaseName()));
        return write(checks.config(), List.of(report), stream.toAbsolutePath().getParent());
    }

    private UpToDate record() {
        return new UpToDate(setup.reportsDirectory(), "validate", "charts");
    }

    private Outcome write(ValidationConfig config, List<Report> reports, Path chartsDirectory) throws IOException {
        List<Finding> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Report r : reports) {
            all.addAll(r.report().findings());
            if (r.report().failed()) {
                failures.add(r.input().getFileName() + " (" + r.report().summary() + ")");
            }
        }
        ValidationReport combined = new ValidationReport(
                all,
                reports.stream().mapToInt(r -> r.report().objects()).sum(),
                reports.stream()
                        .flatMap(r -> r.report().variants().stream())
                        .distinct()
                        .toList(),
                config.failOn());
        Files.createDirectories(setup.reportsDirectory());
        SourceLocator locator = new SourceLocator(chartsDirectory, setup.projectRoot());
        AtomicWrite.text(json(), ReportWriter.json(combined));
        AtomicWrite.text(sarif(), ReportWriter.sarif(combined, setup.toolVersion(), locator::locate));
        return new Outcome(reports, json(), sarif(), failures);
    }

    /** Everything the result depends on: tool, rules, settings, charts, values files, previous chart. */
    private String inputs(List<Path> charts, Path previous) throws IOException {
        Fingerprint f = Fingerprint.start()
                .add("tool", setup.identity())
                .add("rules", setup.rules())
                .add("release", setup.releaseName())
                .add("settings", setup.settings())
                .addTree("previous", previous);
        for (Path chart : charts) {
            f.addTree("chart:" + chart.toAbsolutePath(), chart);
        }
        for (Path values : setup.valuesFiles()) {
            f.addTree("values:" + values.toAbsolutePath(), values);
        }
        return f.hex();
    }

    private Optional<String> reportsHash() throws IOException {
        if (!Files.isRegularFile(json()) || !Files.isRegularFile(sarif())) {
            return Optional.empty();
        }
        return Optional.of(Fingerprint.start()
                .addTree("json", json())
                .addTree("sarif", sarif())
                .hex());
    }

    private Path json() {
        return setup.reportsDirectory().resolve("validation.json");
    }

    private Path sarif() {
        return setup.reportsDirectory().resolve("validation.sarif");
    }
}
