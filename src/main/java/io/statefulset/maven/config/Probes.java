package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <probes>}: readiness, liveness and startup probes. */
public class Probes implements RawConfiguration.Probes {
    private Probe readiness;
    private Probe liveness;
    private Probe startup;

    @Override
    public Probe readiness() {
        return readiness;
    }

    @Override
    public Probe liveness() {
        return liveness;
    }

    @Override
    public Probe startup() {
        return startup;
    }

    /** One probe: an HTTP GET of {@code path} on {@code port} (a port name or number), or TCP without a path. */
    public static class Probe implements RawConfiguration.Probe {
        private String path;
        private String port;
        private Integer initialDelaySeconds;
        private Integer periodSeconds;
        private Integer timeoutSeconds;
        private Integer failureThreshold;

        @Override
        public String path() {
            return path;
        }

        @Override
        public String port() {
            return port;
        }

        @Override
        public Integer initialDelaySeconds() {
            return initialDelaySeconds;
        }

        @Override
        public Integer periodSeconds() {
            return periodSeconds;
        }

        @Override
        public Integer timeoutSeconds() {
            return timeoutSeconds;
        }

        @Override
        public Integer failureThreshold() {
            return failureThreshold;
        }
    }
}
