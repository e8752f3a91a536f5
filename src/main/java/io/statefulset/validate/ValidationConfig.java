package io.statefulset.validate;

import java.util.LinkedHashMap;
import java.util.List;
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

    /** A rule id and the severity a user gave it, both as written. */
    public record RuleLevel(String id, String severity) {}

    /**
     * The configuration from settings as written; a rule that does not exist or a severity that is
     * not one is refused, naming the {@code <rules>} element or {@code <failOn>}.
     *
     * @throws IllegalArgumentException with a message that names the element, the value and the fix
     */
    public static ValidationConfig parse(List<RuleLevel> rules, String failOn) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleLevel rule = rules.get(i);
            String at = "<rules><rule>[" + (i + 1) + "]";
            if (rule.id() == null || Rules.byId(rule.id()).isEmpty()) {
                throw new IllegalArgumentException(at + "<id> = '" + rule.id() + "': no such rule; the rules are listed"
                        + " by `mvn statefulset:help -Ddetail -Dgoal=validate` and in the README");
            }
            try {
                severities.put(rule.id(), Severity.parse(rule.severity()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "<severity> = '" + rule.severity() + "': " + e.getMessage());
            }
        }
        Severity threshold;
        try {
            threshold = Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<failOn> = '" + failOn + "': " + e.getMessage());
        }
        if (threshold == Severity.OFF) {
            throw new IllegalArgumentException("<failOn> = 'off': would never fail; use error, warning or info, or"
                    + " skip the goal with -Dstatefulset.validate.skip=true");
        }
        return new ValidationConfig(severities, threshold);
    }

    public static ValidationConfig defaults() {
        return new ValidationConfig(Map.of(), Severity.ERROR);
    }

    /** The severity of {@code rule} under this configuration. */
    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }
}
