package io.statefulset.helm;

import io.statefulset.chart.ChartPackaging;
import io.statefulset.chart.ChartRejectedException;
import java.nio.file.Path;
import java.util.List;

/** Packaging's view of Helm: {@code helm package}, whose archive says which files a chart holds. */
public final class HelmChartPackaging implements ChartPackaging {
    private final HelmRunner helm;

    public HelmChartPackaging(HelmRunner helm) {
        this.helm = helm;
    }

    @Override
    public Path helmPackage(Path chartDirectory, Path directory) throws ChartRejectedException {
        try {
            return helm.packageChart(chartDirectory, directory);
        } catch (HelmStoppedException e) {
            throw new ChartRejectedException("Helm was stopped while packaging the chart", List.of(e.getMessage()));
        } catch (HelmException e) {
            throw new ChartRejectedException("Helm could not package the chart", List.of(e.getMessage()));
        }
    }
}
