package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <image>}: repository, tag (default: the chart's appVersion) and pull policy. */
public class Image {
    private String repository;
    private String tag;
    private String pullPolicy;

    public ChartSpec.ImageSpec toSpec() {
        return new ChartSpec.ImageSpec(repository, tag, pullPolicy);
    }
}
