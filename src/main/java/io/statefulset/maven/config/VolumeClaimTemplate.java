package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;
import java.util.List;

/** {@code <volumeClaimTemplate>}: a per-pod PersistentVolumeClaim and its mount path. */
public class VolumeClaimTemplate implements RawConfiguration.VolumeClaimTemplate {
    private String name;
    private String mountPath;
    private String size;
    private List<String> accessModes;
    private String storageClassName;

    @Override
    public String name() {
        return name;
    }

    @Override
    public String mountPath() {
        return mountPath;
    }

    @Override
    public String size() {
        return size;
    }

    @Override
    public List<String> accessModes() {
        return accessModes;
    }

    @Override
    public String storageClassName() {
        return storageClassName;
    }
}
