package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <metrics>}: the port and path Prometheus scrapes, and whether a ServiceMonitor tells it. */
public class Metrics implements RawConfiguration.Metrics {
    private String port;
    private String path;
    private Boolean serviceMonitor;

    @Override
    public String port() {
        return port;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Boolean serviceMonitor() {
        return serviceMonitor;
    }
}
