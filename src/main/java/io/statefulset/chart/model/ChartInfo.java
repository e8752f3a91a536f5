package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.KubernetesSyntax.isDnsLabel;
import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.isEmpty;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.SemVer;
import io.statefulset.chart.ValuesTree.Builder;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Chart.yaml metadata ({@code <chart>}). {@code name}, {@code version}, {@code appVersion},
 * {@code description}, {@code home}, {@code sources} and the maintainers default from the project.
 */
public final class ChartInfo {
    /** One comparison of a Helm (Masterminds semver) constraint, e.g. {@code >=1.27.0-0}, {@code ~1.30}, {@code 1.2 - 1.4}. */
    private static final String COMPARISON =
            "(?:[<>=!~^]{0,2}\\s*v?[0-9]+(?:\\.(?:[0-9]+|[xX*])){0,2}(?:-[0-9A-Za-z.-]+)?)";
    /** A whole constraint: comparisons joined by spaces, commas, ranges and ||. */
    static final Pattern KUBE_VERSION_CONSTRAINT =
            Pattern.compile("\\s*" + COMPARISON + "(?:\\s*(?:,|\\|\\||\\s-\\s|\\s)\\s*" + COMPARISON + ")*\\s*");

    private final String name;
    private final String version;
    private final String appVersion;
    private final String description;
    private final String kubeVersion;
    private final String home;
    private final String icon;
    private final List<String> sources;
    private final List<Maintainer> maintainers;
    private final List<String> keywords;

    private ChartInfo(RawConfiguration.Chart raw, ProjectInfo project) {
        name = or(of(raw, RawConfiguration.Chart::name), project.artifactId());
        String requestedVersion = or(of(raw, RawConfiguration.Chart::version), project.version());
        // Unconvertible versions stay as they are, so the check can quote them.
        version = SemVer.fromMavenVersion(requestedVersion).orElse(requestedVersion);
        appVersion = or(of(raw, RawConfiguration.Chart::appVersion), project.version());
        description = or(
                of(raw, RawConfiguration.Chart::description),
                or(project.description(), "A StatefulSet chart for " + name));
        kubeVersion = of(raw, RawConfiguration.Chart::kubeVersion);
        home = or(of(raw, RawConfiguration.Chart::home), project.url());
        icon = of(raw, RawConfiguration.Chart::icon);
        List<String> givenSources = of(raw, RawConfiguration.Chart::sources);
        sources = isEmpty(givenSources)
                ? (project.scmUrl() == null ? List.of() : List.of(project.scmUrl()))
                : Given.list(givenSources);
        List<? extends RawConfiguration.Maintainer> givenMaintainers = of(raw, RawConfiguration.Chart::maintainers);
        maintainers = isEmpty(givenMaintainers)
                ? project.developers()
                : givenMaintainers.stream()
                        .map(m -> new Maintainer(m.name(), m.email(), m.url()))
                        .toList();
        keywords = Given.list(of(raw, RawConfiguration.Chart::keywords));
    }

    static ChartInfo resolve(RawConfiguration.Chart raw, ProjectInfo project, Problems problems) {
        ChartInfo chart = new ChartInfo(raw, project);
        chart.check(problems);
        return chart;
    }

    private void check(Problems problems) {
        if (!isDnsLabel(name)) {
            problems.error(
                    "<chart><name>",
                    name,
                    "is not a DNS-1123 label; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit, e.g. visit-counter");
        }
        if (!SemVer.isValid(version)) {
            problems.error(
                    "<chart><version>",
                    version,
                    "is not a SemVer 2 version and has no unambiguous SemVer form; set <chart><version> to MAJOR.MINOR.PATCH[-PRERELEASE], e.g. 1.2.3");
        }
        if (blank(appVersion)) {
            problems.error("<chart><appVersion>", appVersion, "must not be empty; it defaults to the project version");
        }
        if (kubeVersion != null
                && (blank(kubeVersion)
                        || !KUBE_VERSION_CONSTRAINT.matcher(kubeVersion).matches())) {
            problems.error(
                    "<chart><kubeVersion>",
                    kubeVersion,
                    "is not a SemVer constraint; write it like >=1.27.0-0, or >=1.27.0-0 <1.40.0-0");
        } else if (kubeVersion != null && kubeVersion.contains(">") && !kubeVersion.contains("-")) {
            problems.warning(
                    "<chart><kubeVersion>",
                    kubeVersion,
                    "has no '-0' suffix, so it refuses the versions managed clusters report (v1.29.0-eks-…, v1.30.1-gke.…);"
                            + " write it like >=1.27.0-0");
        }
    }

    /** {@code nameOverride} and {@code fullnameOverride}: how the objects of a release are named. */
    void values(Builder values) {
        values.leaf(
                        "nameOverride",
                        "Replaces the chart name in object names and the app.kubernetes.io/name label",
                        "",
                        string(ValueSchemas.OPTIONAL_DNS_LABEL))
                .leaf(
                        "fullnameOverride",
                        "Replaces <release>-<chart> as the base name of every object (cut to 52 characters)",
                        "",
                        string(ValueSchemas.OPTIONAL_DNS_LABEL));
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public String appVersion() {
        return appVersion;
    }

    public String description() {
        return description;
    }

    public Optional<String> kubeVersion() {
        return Optional.ofNullable(kubeVersion);
    }

    public Optional<String> home() {
        return Optional.ofNullable(home);
    }

    public Optional<String> icon() {
        return Optional.ofNullable(icon);
    }

    public List<String> sources() {
        return sources;
    }

    public List<Maintainer> maintainers() {
        return maintainers;
    }

    public List<String> keywords() {
        return keywords;
    }
}
