package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus metrics ({@code <metrics>}): the container port that serves them joins the headless
 * Service, and either a Prometheus Operator ServiceMonitor selects that Service, or, on request,
 * {@code prometheus.io/*} pod annotations point a Prometheus that reads them at the pods.
 */
public final class Metrics {
    static final String DEFAULT_PATH = "/metrics";
    static final String DEFAULT_INTERVAL = "30s";
    static final String DEFAULT_SCRAPE_TIMEOUT = "10s";
    /** A Prometheus duration, e.g. {@code 30s}, {@code 1m30s}. */
    static final String DURATION = "^(([0-9]+)(y|w|d|h|m|s|ms))+$";

    private final boolean enabled;
    private final String port;
    private final String path;
    private final boolean serviceMonitor;

    private Metrics(RawConfiguration.Metrics raw) {
        enabled = raw != null;
        port = of(raw, RawConfiguration.Metrics::port);
        path = or(of(raw, RawConfiguration.Metrics::path), DEFAULT_PATH);
        serviceMonitor = or(of(raw, RawConfiguration.Metrics::serviceMonitor), false);
    }

    static Metrics resolve(RawConfiguration raw, Network network, ExtraContainers containers, Problems problems) {
        Metrics metrics = new Metrics(raw.metrics());
        if (metrics.enabled) {
            metrics.check(network, containers, problems);
        }
        return metrics;
    }

    private void check(Network network, ExtraContainers containers, Problems problems) {
        List<String> ports = new ArrayList<>();
        network.ports().forEach(p -> ports.add(p.name()));
        containers.sidecarPorts().forEach(p -> ports.add(p.port().name()));
        String known = ports.isEmpty() ? "(none declared)" : String.join(", ", ports);
        if (blank(port)) {
            problems.error(
                    "<metrics><port>",
                    port,
                    "is required; name the container port that serves the metrics, one of " + known);
        } else if (!ports.contains(port)) {
            problems.error(
                    "<metrics><port>",
                    port,
                    "names no container port; use one of " + known
                            + " (a port of <ports> or of a sidecar), or declare the port");
        }
        if (!path.startsWith("/")) {
            problems.error("<metrics><path>", path, "must start with '/', e.g. " + DEFAULT_PATH);
        }
    }

    /** {@code metrics}. */
    void values(Builder values) {
        values.section(
                "metrics",
                "Prometheus metrics: the port joins the headless Service, scraped through a ServiceMonitor or,"
                        + " without one, pod annotations",
                metrics -> metrics.leaf("enabled", "Expose the metrics port", enabled, bool())
                        .leaf(
                                "port",
                                "Name of the container port (of ports or a sidecar) that serves the metrics",
                                or(port, ""),
                                string("^$|" + ValueSchemas.PORT_NAME))
                        .leaf("path", "HTTP path of the metrics", path, string("^/"))
                        .leaf(
                                "annotations",
                                "Without a ServiceMonitor: add prometheus.io/scrape, port and path pod annotations",
                                false,
                                bool())
                        .section(
                                "serviceMonitor",
                                "A Prometheus Operator ServiceMonitor that scrapes the pods through the headless"
                                        + " Service (needs the operator's CRD in the cluster)",
                                monitor -> monitor.leaf("enabled", "Create the ServiceMonitor", serviceMonitor, bool())
                                        .leaf(
                                                "interval",
                                                "How often Prometheus scrapes, e.g. 30s",
                                                DEFAULT_INTERVAL,
                                                string(DURATION))
                                        .leaf(
                                                "scrapeTimeout",
                                                "How long one scrape may take; at most the interval",
                                                DEFAULT_SCRAPE_TIMEOUT,
                                                string(DURATION))
                                        .leaf(
                                                "labels",
                                                "Labels of the ServiceMonitor, e.g. the release label a Prometheus"
                                                        + " selects ServiceMonitors by",
                                                Map.of(),
                                                mapOf(ValueSchemas.SCALAR))));
    }

    /** Whether {@code <metrics>} was given. */
    public boolean enabled() {
        return enabled;
    }

    /** The name of the container port that serves the metrics. */
    public String port() {
        return port;
    }

    public String path() {
        return path;
    }

    public boolean serviceMonitor() {
        return serviceMonitor;
    }
}
