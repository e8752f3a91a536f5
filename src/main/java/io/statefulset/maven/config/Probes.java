package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <probes>}: readiness, liveness and startup probes. */
public class Probes {
    private Probe readiness;
    private Probe liveness;
    private Probe startup;

    public ChartSpec.ProbesSpec toSpec() {
        return new ChartSpec.ProbesSpec(Probe.toSpec(readiness), Probe.toSpec(liveness), Probe.toSpec(startup));
    }

    /** One probe: an HTTP GET of {@code path} on {@code port} (a port name or number), or TCP without a path. */
    public static class Probe {
        private String path;
        private String port;
        private Integer initialDelaySeconds;
        private Integer periodSeconds;
        private Integer timeoutSeconds;
        private Integer failureThreshold;

        public static ChartSpec.ProbeSpec toSpec(Probe p) {
            return p == null
                    ? null
                    : new ChartSpec.ProbeSpec(
                            p.path,
                            p.port,
                            p.initialDelaySeconds,
                            p.periodSeconds,
                            p.timeoutSeconds,
                            p.failureThreshold);
        }
    }
}
