package io.statefulset.chart;

import java.util.List;

/** A {@link ChartCheck} refused the generated chart; the previous chart was left in place. */
public class ChartRejectedException extends Exception {
    private final List<String> details;

    public ChartRejectedException(String message, List<String> details) {
        super(details.isEmpty() ? message : message + ":\n  " + String.join("\n  ", details));
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
