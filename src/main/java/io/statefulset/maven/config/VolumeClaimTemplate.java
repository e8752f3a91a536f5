package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;
import java.util.List;

/** {@code <volumeClaimTemplate>}: a per-pod PersistentVolumeClaim and its mount path. */
public class VolumeClaimTemplate {
    private String name;
    private String mountPath;
    private String size;
    private List<String> accessModes;
    private String storageClassName;

    public ChartSpec.ClaimSpec toSpec() {
        return new ChartSpec.ClaimSpec(name, mountPath, size, accessModes, storageClassName);
    }
}
