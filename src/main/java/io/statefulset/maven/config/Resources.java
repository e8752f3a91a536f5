package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code <resources>}: requests and limits of the application container. */
public class Resources {
    private ResourceList requests;
    private ResourceList limits;

    public ChartSpec.ResourcesSpec toSpec() {
        return new ChartSpec.ResourcesSpec(
                requests == null ? null : requests.toMap(), limits == null ? null : limits.toMap());
    }

    /** {@code <requests>} or {@code <limits>}: quantities by resource. */
    public static class ResourceList {
        private String cpu;
        private String memory;
        private String ephemeralStorage;

        public Map<String, String> toMap() {
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
