package io.statefulset.chart.model;

import static io.statefulset.chart.model.Given.or;

import java.util.Optional;

/** A health check of the application container: an HTTP GET of {@link #path} when set, a TCP connect otherwise. */
public final class Probe {
    static final int DEFAULT_INITIAL_DELAY_SECONDS = 0;
    static final int DEFAULT_PERIOD_SECONDS = 10;
    static final int DEFAULT_TIMEOUT_SECONDS = 1;
    static final int DEFAULT_FAILURE_THRESHOLD = 3;

    private final String path;
    private final String port;
    private final int initialDelaySeconds;
    private final int periodSeconds;
    private final int timeoutSeconds;
    private final int failureThreshold;

    /** {@code raw} with its defaults; the port defaults to {@code firstPort}, the first declared port. */
    Probe(RawConfiguration.Probe raw, String firstPort) {
        path = raw == null ? null : raw.path();
        port = or(raw == null ? null : raw.port(), firstPort);
        initialDelaySeconds = or(raw == null ? null : raw.initialDelaySeconds(), DEFAULT_INITIAL_DELAY_SECONDS);
        periodSeconds = or(raw == null ? null : raw.periodSeconds(), DEFAULT_PERIOD_SECONDS);
        timeoutSeconds = or(raw == null ? null : raw.timeoutSeconds(), DEFAULT_TIMEOUT_SECONDS);
        failureThreshold = or(raw == null ? null : raw.failureThreshold(), DEFAULT_FAILURE_THRESHOLD);
    }

    /** The HTTP path; empty for a TCP probe. */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** A port name or number; {@code null} only when no port is declared, which the checks refuse. */
    public String port() {
        return port;
    }

    public int initialDelaySeconds() {
        return initialDelaySeconds;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public int failureThreshold() {
        return failureThreshold;
    }
}
