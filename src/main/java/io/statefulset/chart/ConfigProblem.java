package io.statefulset.chart;

/**
 * One mistake in the configuration: the POM element it sits in (e.g. {@code
 * <volumeClaimTemplates><volumeClaimTemplate name="data"><size>}), the value found there, and a
 * message that says what is wrong and how to fix it.
 */
public record ConfigProblem(Severity severity, String element, String value, String message) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return element + (value == null ? "" : " = '" + value + "'") + ": " + message;
    }
}
