package io.statefulset.validate;

import io.statefulset.validate.Rule.Family;
import java.util.List;

/** Problems found while reading the stream, reported as findings of these rules. */
final class SchemaRules {
    private SchemaRules() {}

    static final Rule PARSE = rule(
            "schema-parse",
            Severity.ERROR,
            "A document that is not valid YAML or not a mapping cannot be applied.",
            "Fix the YAML of the template named in the finding; render it with `helm template` to see the output.");
    static final Rule UNKNOWN_KIND = rule(
            "schema-unknown-kind",
            Severity.WARNING,
            "An apiVersion/kind outside the built-in Kubernetes API (and the Prometheus Operator's ServiceMonitor, read like a built-in kind) is checked by nothing here (a CRD, or a typo).",
            "Check apiVersion and kind; for a custom resource, switch this rule off for the object.");
    static final Rule UNKNOWN_FIELD = rule(
            "schema-unknown-field",
            Severity.ERROR,
            "The API server rejects unknown fields (or drops them silently), so the setting never takes effect.",
            "Correct the field name or its indentation; `kubectl explain <kind>.<path>` lists the valid fields.");
    static final Rule WRONG_TYPE = rule(
            "schema-wrong-type",
            Severity.ERROR,
            "The API server refuses a string where a number or boolean belongs (e.g. replicas: \"3\").",
            "Render the value unquoted (e.g. `{{ .Values.replicas | int }}`), or quote it where a string is expected.");
    static final Rule REQUIRED_FIELD = rule(
            "schema-required-field",
            Severity.ERROR,
            "Objects missing required fields are rejected when applied.",
            "Add the field named in the finding.");

    static List<Rule> all() {
        return List.of(PARSE, UNKNOWN_KIND, UNKNOWN_FIELD, WRONG_TYPE, REQUIRED_FIELD);
    }

    private static Rule rule(String id, Severity severity, String rationale, String fix) {
        return new Rule(id, Family.SCHEMA, severity, rationale, fix, null);
    }
}
