package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <persistentVolumeClaimRetentionPolicy>}: Retain or Delete, when deleted and when scaled. */
public class RetentionPolicy implements RawConfiguration.RetentionPolicy {
    private String whenDeleted;
    private String whenScaled;

    @Override
    public String whenDeleted() {
        return whenDeleted;
    }

    @Override
    public String whenScaled() {
        return whenScaled;
    }
}
