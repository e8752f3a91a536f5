package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <image>}: repository, tag (default: the chart's appVersion) and pull policy. */
public class Image implements RawConfiguration.Image {
    private String repository;
    private String tag;
    private String pullPolicy;

    @Override
    public String repository() {
        return repository;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public String pullPolicy() {
        return pullPolicy;
    }
}
