package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <persistentVolumeClaimRetentionPolicy>}: Retain or Delete, when deleted and when scaled. */
public class RetentionPolicy {
    private String whenDeleted;
    private String whenScaled;

    public ChartSpec.RetentionPolicySpec toSpec() {
        return new ChartSpec.RetentionPolicySpec(whenDeleted, whenScaled);
    }
}
