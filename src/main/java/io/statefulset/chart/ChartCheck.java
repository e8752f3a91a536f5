package io.statefulset.chart;

import java.nio.file.Path;

/** A check of a freshly written chart before it replaces the previous one (e.g. {@code helm lint}). */
@FunctionalInterface
public interface ChartCheck {
    /** Does nothing if the chart at {@code chartDirectory} is fine, throws otherwise. */
    void verify(Path chartDirectory) throws ChartRejectedException;

    ChartCheck NONE = dir -> {};
}
