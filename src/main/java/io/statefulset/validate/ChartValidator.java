package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.statefulset.chart.ChartArchive;
import io.statefulset.chart.ChartMetadata;
import io.statefulset.chart.ChartTree;
import io.statefulset.chart.Utf8Text;
import io.statefulset.validate.ChartRenderer.RenderException;
import io.statefulset.validate.ChartRenderer.RenderStoppedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates a chart directory (lint, render every values variant, run the rules, compare with the
 * previous release) or an already rendered manifest stream.
 */
public final class ChartValidator {
    /** Helm's own default release name for {@code helm template}. */
    public static final String DEFAULT_RELEASE = "release-name";

    private static final Pattern LINT = Pattern.compile("^\\[(ERROR|WARNING|INFO)]\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern TEMPLATE_IN_ERROR = Pattern.compile("\\(([^():\\s]+\\.(?:yaml|yml|tpl|txt)):\\d+");

    private final ChartRenderer renderer;
    private final Validator validator;

    public ChartValidator(ChartRenderer renderer, Validator validator) {
        this.renderer = renderer;
        this.validator = validator;
    }

    /**
     * Lints {@code chart}, renders it with its default values and with each of {@code valuesFiles}
     * on its own (one variant each), checks every variant, and, given the previous release's chart
     * (a directory or a {@code .tgz}), reports every StatefulSet change an upgrade would be refused.
     */
    public ValidationReport validateChart(Path chart, String release, List<Path> valuesFiles, Path previousChart)
            throws IOException, RenderStoppedException {
        String releaseName = release == null || release.isBlank() ? DEFAULT_RELEASE : release;
        // Before Helm sees anything: Helm follows every link of a chart directory, so a chart linking
        // out of itself (files/passwd -> /etc/passwd) would show that file in renders and reports.
        ChartTree.of(chart);
        if (previousChart != null && Files.isDirectory(previousChart)) {
            ChartTree.of(previousChart, "the previous chart");
        }
        for (Path values : valuesFiles) {
            Utf8Text.readValuesFile(values);
        }
        List<Finding> findings = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        Set<String> versions = versionStrings(chart);
        int objects = 0;

        try {
            for (String message : renderer.lint(chart)) {
                lintFinding(message, findings);
            }
        } catch (RenderException e) {
            add(findings, validator.finding(HelmRules.LINT_ERROR, null, "", e.getMessage(), null, null, null));
        }

        Path previous = null;
        Path unpacked = null;
        try {
            if (previousChart != null) {
                if (Files.isDirectory(previousChart)) {
                    previous = previousChart;
                } else {
                    unpacked = Files.createTempDirectory("statefulset-previous-");
                    previous = ChartArchive.extract(previousChart, unpacked);
                }
            }
            List<List<Path>> runs = new ArrayList<>();
            runs.add(List.of());
            valuesFiles.forEach(f -> runs.add(List.of(f)));
            for (List<Path> values : runs) {
                String variant = values.isEmpty() ? "default" : values.get(0).toString();
                variants.add(variant);
                Manifests manifests;
                try {
                    manifests = read(renderer.render(chart, releaseName, values))
                            .withRelease(releaseName)
                            .withVersionStrings(versions);
                } catch (RenderException e) {
                    String source = templateIn(e.getMessage());
                    add(
                            findings,
                            validator.finding(
                                    HelmRules.RENDER,
                                    null,
                                    "",
                                    "the chart does not render with "
                                            + (values.isEmpty() ? "its default values" : "values file " + variant)
                                            + ": " + e.getMessage(),
                                    null,
                                    source,
                                    variant));
                    continue;
                } catch (ManifestException e) {
                    add(findings, validator.finding(SchemaRules.PARSE, null, "", e.getMessage(), null, null, variant));
                    continue;
                }
                objects = Math.max(objects, manifests.all().size());
                findings.addAll(validator.check(manifests, variant));
                if (previous != null) {
                    findings.addAll(upgradeFindings(previous, releaseName, values, manifests, variant));
                }
            }
        } finally {
            deleteQuietly(unpacked);
        }
        findings.sort(Validator.ORDER);
        return new ValidationReport(
                findings, objects, variants, validator.config().failOn());
    }

    /** Validates a rendered stream; the release name, when not given, comes from app.kubernetes.io/instance. */
    public ValidationReport validateManifests(String stream, String release) throws ManifestException {
        Manifests manifests = read(stream);
        String releaseName = release == null || release.isBlank() ? manifests.inferredReleaseName() : release;
        manifests.withRelease(releaseName).withVersionStrings(versionStringsFromLabels(manifests));
        List<Finding> findings = validator.check(manifests, null);
        return new ValidationReport(
                findings,
                manifests.all().size(),
                List.of("rendered"),
                validator.config().failOn());
    }

    private List<Finding> upgradeFindings(
            Path previous, String release, List<Path> values, Manifests current, String variant)
            throws RenderStoppedException {
        List<Finding> findings = new ArrayList<>();
        Manifests before;
        try {
            before = read(renderer.render(previous, release, values));
        } catch (RenderException | ManifestException withValues) {
            // A values file written for the new chart may set keys the old chart's schema does not know;
            // the old release was installed with its own defaults then, so compare against those.
            try {
                before = read(renderer.render(previous, release, List.of()));
            } catch (RenderException | ManifestException e) {
                add(
                        findings,
                        validator.finding(
                                HelmRules.RENDER,
                                null,
                                "",
                                "the previous chart " + previous.getFileName()
                                        + " does not render, so the upgrade was not checked: " + e.getMessage(),
                                null,
                                null,
                                variant));
                return findings;
            }
        }
        for (UpgradeRules.Change change : UpgradeRules.immutableChanges(before, current)) {
            HasMetadata sts = change.statefulSet();
            String message = change.path() + " changes from " + change.before() + " to " + change.after()
                    + "; the API server answers: "
                    + String.format(UpgradeRules.FORBIDDEN, sts.getMetadata().getName());
            add(
                    findings,
                    validator.finding(
                            UpgradeRules.IMMUTABLE_FIELD,
                            sts,
                            change.path(),
                            message,
                            UpgradeRules.fix(change),
                            current.sourceOf(sts),
                            variant));
        }
        for (HasMetadata gone : UpgradeRules.removed(before, current)) {
            add(
                    findings,
                    validator.finding(
                            UpgradeRules.REMOVED,
                            gone,
                            "metadata.name",
                            "the StatefulSet '" + gone.getMetadata().getName()
                                    + "' of the previous release is gone; its PersistentVolumeClaims stay behind",
                            null,
                            null,
                            variant));
        }
        return findings;
    }

    private void lintFinding(String message, List<Finding> findings) {
        Matcher m = LINT.matcher(message.trim());
        String level = m.matches() ? m.group(1) : "ERROR";
        String text = m.matches() ? m.group(2) : message;
        Rule rule =
                switch (level) {
                    case "WARNING" -> HelmRules.LINT_WARNING;
                    case "INFO" -> HelmRules.LINT_INFO;
                    default -> HelmRules.LINT_ERROR;
                };
        int colon = text.indexOf(": ");
        String source = colon > 0 && !text.substring(0, colon).contains(" ") ? text.substring(0, colon) : null;
        add(findings, validator.finding(rule, null, "", text, null, source, null));
    }

    private static Manifests read(String stream) throws ManifestException {
        return ManifestReader.read(stream);
    }

    static String templateIn(String message) {
        Matcher m = message == null ? null : TEMPLATE_IN_ERROR.matcher(message);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** The chart's version and appVersion, and the helm.sh/chart label made from them. */
    static Set<String> versionStrings(Path chart) throws IOException {
        Set<String> versions = new LinkedHashSet<>();
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(ChartMetadata.chartYaml(chart));
        if (yaml instanceof Map<?, ?> map) {
            Object version = map.get("version");
            Object appVersion = map.get("appVersion");
            if (version != null) {
                versions.add(String.valueOf(version));
                versions.add(map.get("name") + "-" + version);
            }
            if (appVersion != null) {
                versions.add(String.valueOf(appVersion));
            }
        }
        return versions;
    }

    /** Versions as a rendered stream shows them: helm.sh/chart and app.kubernetes.io/version labels. */
    static Set<String> versionStringsFromLabels(Manifests manifests) {
        Set<String> versions = new LinkedHashSet<>();
        for (Manifests.Manifest m : manifests.all()) {
            Map<String, String> labels = m.object().getMetadata() == null
                    ? null
                    : m.object().getMetadata().getLabels();
            if (labels == null) {
                continue;
            }
            String chart = labels.get("helm.sh/chart");
            if (chart != null && chart.matches(".*-[0-9][^-]*.*")) {
                versions.add(chart.replaceFirst("^.*?-(?=[0-9])", ""));
            }
            if (labels.get("app.kubernetes.io/version") != null) {
                versions.add(labels.get("app.kubernetes.io/version"));
            }
        }
        return versions;
    }

    private static void add(List<Finding> findings, Finding finding) {
        if (finding != null) {
            findings.add(finding);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind does no harm
        }
    }
}
