package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <updateStrategy>}: RollingUpdate (with partition, maxUnavailable) or OnDelete. */
public class UpdateStrategy {
    private String type;
    private Integer partition;
    /** A number or a percentage, so a string. */
    private String maxUnavailable;

    public ChartSpec.UpdateStrategySpec toSpec() {
        return new ChartSpec.UpdateStrategySpec(type, partition, maxUnavailable);
    }
}
