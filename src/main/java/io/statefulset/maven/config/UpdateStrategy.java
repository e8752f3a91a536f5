package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <updateStrategy>}: RollingUpdate (with partition, maxUnavailable) or OnDelete. */
public class UpdateStrategy implements RawConfiguration.UpdateStrategy {
    private String type;
    private Integer partition;
    /** A number or a percentage, so a string. */
    private String maxUnavailable;

    @Override
    public String type() {
        return type;
    }

    @Override
    public Integer partition() {
        return partition;
    }

    @Override
    public String maxUnavailable() {
        return maxUnavailable;
    }
}
