package io.statefulset.chart;

import io.statefulset.chart.ChartSpec.ChartInfo;
import io.statefulset.chart.ChartSpec.ClaimSpec;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpec.ImageSpec;
import io.statefulset.chart.ChartSpec.PortSpec;
import io.statefulset.chart.ChartSpec.ProbeSpec;
import io.statefulset.chart.ChartSpec.ProbesSpec;
import io.statefulset.chart.ChartSpec.ResourcesSpec;
import io.statefulset.chart.ChartSpec.RetentionPolicySpec;
import io.statefulset.chart.ChartSpec.SecretEnvSpec;
import io.statefulset.chart.ChartSpec.ServiceSpec;
import io.statefulset.chart.ChartSpec.UpdateStrategySpec;
import java.util.List;
import java.util.Map;

/** The configurations the tests build charts from, starting with the sample app's. */
public final class SampleSpecs {
    public static final ProjectInfo PROJECT = new ProjectInfo(
            "visit-counter", "1.0.0", "Counts visits per pod", "https://example.org/visit-counter", null, List.of());

    private SampleSpecs() {}

    /** The configuration of the sample app, as in its POM. */
    public static ChartSpec visitCounter() {
        return new ChartSpec(
                new ChartInfo(
                        "visit-counter",
                        "1.0.0",
                        "1.0.0",
                        "Counts visits per pod",
                        ">=1.27.0-0",
                        null,
                        null,
                        null,
                        null,
                        null),
                new ImageSpec("ghcr.io/acme/visit-counter", "1.0.0", "IfNotPresent"),
                2,
                "Parallel",
                new UpdateStrategySpec("RollingUpdate", 0, "1"),
                5,
                null,
                null,
                List.of(new PortSpec("http", 8080, null)),
                new ServiceSpec(null, "NodePort", 8080, null, null),
                List.of(new ClaimSpec("data", "/app/data", "1Mi", List.of("ReadWriteOnce"), "standard")),
                new RetentionPolicySpec("Retain", "Retain"),
                Map.of("DATA_DIR", "/app/data"),
                List.of(new SecretEnvSpec("WHOAMI", "visit-counter-credentials", "whoami", null)),
                null,
                Map.of("vault.hashicorp.com/agent-inject", "true"),
                null,
                new ResourcesSpec(Map.of("cpu", "100m", "memory", "128Mi"), Map.of("cpu", "100m", "memory", "128Mi")),
                new ProbesSpec(
                        new ProbeSpec("/readyz", "http", null, null, null, null),
                        new ProbeSpec("/healthz", "http", null, null, null, null),
                        null),
                null,
                List.of(new HookSpec(
                        "preinstall",
                        List.of("pre-install"),
                        0,
                        List.of("before-hook-creation", "hook-succeeded"),
                        "busybox:1.36",
                        List.of("sh", "-c", "echo The pre-install hook is running"),
                        null,
                        null,
                        null,
                        null)),
                true,
                null,
                null,
                null,
                null);
    }

    /** Only what is required: an image; everything else defaults. */
    public static ChartSpec minimal() {
        return new ChartSpec(
                null,
                new ImageSpec("registry.example.org/app", null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
