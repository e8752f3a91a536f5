package io.statefulset.validate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** All findings of a validation run, what was checked, and whether the run fails. */
public record ValidationReport(List<Finding> findings, int objects, List<String> variants, Severity failOn) {
    public ValidationReport {
        findings = List.copyOf(findings);
        variants = List.copyOf(variants);
    }

    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** True when a finding reaches the {@code failOn} severity. */
    public boolean failed() {
        return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }

    /** e.g. {@code 1 error, 2 warnings, 0 infos in 7 objects (2 variants: default, ci/prod-values.yaml)}. */
    public String summary() {
        Map<Severity, Integer> c = counts();
        return plural(c.get(Severity.ERROR), "error") + ", " + plural(c.get(Severity.WARNING), "warning") + ", "
                + plural(c.get(Severity.INFO), "info") + " in " + plural(objects, "object") + " ("
                + plural(variants.size(), "variant") + ": " + String.join(", ", variants) + ")";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
