package io.statefulset.validate;

import io.statefulset.validate.Rule.Family;
import java.util.List;

/** What Helm itself reports: lint messages and render failures. */
public final class HelmRules {
    private HelmRules() {}

    public static final Rule LINT_ERROR = rule(
            "helm-lint",
            Severity.ERROR,
            "`helm lint --strict` found an error; Helm will refuse or mis-install the chart.",
            "Fix what the lint message names.");
    public static final Rule LINT_WARNING = rule(
            "helm-lint-warning",
            Severity.WARNING,
            "`helm lint --strict` warns about the chart.",
            "Fix what the lint message names.");
    public static final Rule LINT_INFO = rule(
            "helm-lint-info",
            Severity.OFF,
            "`helm lint` suggestions, such as an icon in Chart.yaml (off by default).",
            "Follow the suggestion, or leave the rule off.");
    public static final Rule RENDER = rule(
            "helm-render",
            Severity.ERROR,
            "The chart does not render with these values: `helm install` would fail the same way.",
            "Fix the template or the values file named in the finding.");

    static List<Rule> all() {
        return List.of(LINT_ERROR, LINT_WARNING, LINT_INFO, RENDER);
    }

    private static Rule rule(String id, Severity severity, String rationale, String fix) {
        return new Rule(id, Family.HELM, severity, rationale, fix, null);
    }
}
