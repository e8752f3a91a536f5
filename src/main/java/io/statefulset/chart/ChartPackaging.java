package io.statefulset.chart;

import java.nio.file.Path;

/**
 * Helm's own packaging of a chart ({@code helm package}). Which files a package holds, and under
 * which names, is Helm's decision: its {@code .helmignore} rules are not gitignore's, and only
 * Helm's loader applies them exactly as {@code helm package}, {@code helm lint} and {@code helm
 * install} do.
 */
@FunctionalInterface
public interface ChartPackaging {
    /**
     * Packages {@code chartDirectory} into the empty {@code directory} as {@code helm package} does
     * and returns the archive Helm wrote; throws when Helm refuses the chart (a {@code **} in
     * {@code .helmignore}, a missing {@code Chart.yaml}) or was stopped.
     */
    Path helmPackage(Path chartDirectory, Path directory) throws ChartRejectedException;
}
