package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code <resources>}: requests and limits of the application container. */
public class Resources implements RawConfiguration.Resources {
    private ResourceList requests;
    private ResourceList limits;

    @Override
    public Map<String, String> requests() {
        return requests == null ? null : requests.toMap();
    }

    @Override
    public Map<String, String> limits() {
        return limits == null ? null : limits.toMap();
    }

    /** {@code <requests>} or {@code <limits>}: quantities by resource. */
    public static class ResourceList {
        private String cpu;
        private String memory;
        private String ephemeralStorage;

        /** The quantities by their Kubernetes names. */
        Map<String, String> toMap() {
            Map<String, String> map = new LinkedHashMap<>();
            if (cpu != null) {
                map.put("cpu", cpu);
            }
            if (memory != null) {
                map.put("memory", memory);
            }
            if (ephemeralStorage != null) {
                map.put("ephemeral-storage", ephemeralStorage);
            }
            return map;
        }
    }
}
