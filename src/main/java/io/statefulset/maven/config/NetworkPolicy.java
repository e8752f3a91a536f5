package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <networkPolicy>}: whether the chart creates a NetworkPolicy for the application's pods. */
public class NetworkPolicy implements RawConfiguration.NetworkPolicy {
    private Boolean enabled;

    @Override
    public Boolean enabled() {
        return enabled;
    }
}
