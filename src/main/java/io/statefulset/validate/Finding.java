package io.statefulset.validate;

/**
 * One problem found in a chart or manifest stream. {@code kind}/{@code name} say which object,
 * {@code path} where in it (e.g. {@code spec.template.spec.containers[0].image}), {@code source}
 * the template that rendered it when known, {@code variant} the values it was rendered with.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String kind,
        String name,
        String path,
        String message,
        String fix,
        String source,
        String variant) {

    /** {@code Kind/name}, or {@code -} for findings about the whole chart or stream. */
    public String object() {
        if (kind == null && name == null) {
            return "-";
        }
        return (kind == null ? "?" : kind) + "/" + (name == null ? "?" : name);
    }

    /** One console line: severity, rule, object, path, message, fix, and the values variant. */
    public String line() {
        return line(true);
    }

    /** As {@link #line()}; the variant is left out when a run has only one. */
    public String line(boolean withVariant) {
        return String.format(
                "%s %s %s %s: %s Fix: %s%s",
                severity.label(),
                ruleId,
                object(),
                path == null || path.isEmpty() ? "-" : path,
                message,
                fix,
                variant == null || !withVariant ? "" : " [values: " + variant + "]");
    }
}
