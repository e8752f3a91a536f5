package io.statefulset.chart;

import java.time.Duration;

/**
 * A point in time by which some work must be over, and the setting that chose it, so that a
 * message can say which limit was reached and how to raise it.
 */
public final class Deadline {
    private final long endNanos;
    private final Duration budget;
    private final String setting;

    private Deadline(Duration budget, String setting) {
        this.budget = budget;
        this.setting = setting;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /**
     * @param budget how long from now
     * @param setting what chose the budget, as users set it, e.g. {@code <renderTimeout>
     *     (statefulset.renderTimeout)}
     */
    public static Deadline after(Duration budget, String setting) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, not " + budget);
        }
        return new Deadline(budget, setting);
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** Milliseconds left, never below 0. */
    public long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    /** Time left, at least one millisecond, for APIs that refuse a zero timeout. */
    public Duration remaining() {
        return Duration.ofMillis(Math.max(1, remainingMillis()));
    }

    public Duration budget() {
        return budget;
    }

    public String setting() {
        return setting;
    }

    /** E.g. {@code 60 s (<renderTimeout>)}. */
    public String describe() {
        long seconds = budget.toSeconds();
        String amount = seconds > 0 && budget.toMillis() % 1000 == 0 ? seconds + " s" : budget.toMillis() + " ms";
        return amount + " (" + setting + ")";
    }
}
