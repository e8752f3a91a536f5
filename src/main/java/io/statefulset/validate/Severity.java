package io.statefulset.validate;

import java.util.Locale;

/** How much a finding matters; {@code OFF} switches a rule off. Ordered from least to most severe. */
public enum Severity {
    OFF,
    INFO,
    WARNING,
    ERROR;

    /** {@code error}, {@code warning}, {@code info} or {@code off}, in any case. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not a severity; use error, warning, info or off");
        }
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The SARIF level of this severity. */
    public String sarifLevel() {
        return switch (this) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
            case OFF -> "none";
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
