package io.statefulset.validate;

import java.util.Map;
import java.util.TreeMap;

/**
 * How strict to be: per-rule severities that replace the defaults ({@code off} switches a rule
 * off) and the severity from which a finding fails the build.
 */
public record ValidationConfig(Map<String, Severity> severities, Severity failOn) {
    /** Objects may switch rules off for themselves with this annotation: a comma-separated list of rule ids. */
    public static final String SKIP_ANNOTATION = "validate.statefulset.io/skip";

    public ValidationConfig {
        severities = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(severities));
        if (failOn == Severity.OFF) {
            throw new IllegalArgumentException("failOn 'off' would never fail; use error, warning or info");
        }
    }

    public static ValidationConfig defaults() {
        return new ValidationConfig(Map.of(), Severity.ERROR);
    }

    /** The severity of {@code rule} under this configuration. */
    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }
}
