package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.of;

import io.statefulset.chart.ValuesTree.Builder;
import java.util.Optional;
import java.util.function.Function;

/** The application container's readiness, liveness and startup probes ({@code <probes>}). */
public final class Probes {
    private final Optional<Probe> readiness;
    private final Optional<Probe> liveness;
    private final Optional<Probe> startup;
    /** What an absent probe holds in the values, for one switched on at install time. */
    private final Probe absent;

    private Probes(RawConfiguration.Probes raw, Network network, Problems problems) {
        readiness = probe(raw, RawConfiguration.Probes::readiness, "<probes><readiness>", network, problems);
        liveness = probe(raw, RawConfiguration.Probes::liveness, "<probes><liveness>", network, problems);
        startup = probe(raw, RawConfiguration.Probes::startup, "<probes><startup>", network, problems);
        absent = new Probe(null, network.firstPortName());
        if (readiness.isEmpty()) {
            problems.warning(
                    "<probes><readiness>",
                    null,
                    "is not set; without a readiness probe a pod gets traffic (and OrderedReady starts the next pod) before it can serve");
        }
    }

    static Probes resolve(RawConfiguration raw, Network network, Problems problems) {
        return new Probes(raw.probes(), network, problems);
    }

    private static Optional<Probe> probe(
            RawConfiguration.Probes raw,
            Function<RawConfiguration.Probes, RawConfiguration.Probe> which,
            String element,
            Network network,
            Problems problems) {
        RawConfiguration.Probe given = of(raw, which);
        if (given == null) {
            return Optional.empty();
        }
        Probe probe = new Probe(given, network.firstPortName());
        check(element, probe, network, problems);
        return Optional.of(probe);
    }

    private static void check(String element, Probe probe, Network network, Problems problems) {
        if (probe.path().isPresent() && !probe.path().get().startsWith("/")) {
            problems.error(element + "<path>", probe.path().get(), "must start with '/', e.g. /readyz");
        }
        String port = probe.port();
        if (port == null) {
            problems.error(
                    element + "<port>",
                    null,
                    "is required when no <ports> are declared; name a declared port or give a number");
        } else if (port.matches("[0-9]+")) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                problems.error(
                        element + "<port>",
                        port,
                        "must be a port number from 1 to 65535 or the name of a declared port");
            } else if (network.ports().stream().noneMatch(p -> p.containerPort() == number)) {
                problems.warning(
                        element + "<port>",
                        port,
                        "is not declared in <ports>; declare it so Services and readers of the chart can see it");
            }
        } else if (network.ports().stream().noneMatch(p -> port.equals(p.name()))) {
            problems.error(element + "<port>", port, "names no port in <ports>; use one of " + network.portNames());
        }
        problems.positive(element + "<periodSeconds>", probe.periodSeconds());
        problems.positive(element + "<timeoutSeconds>", probe.timeoutSeconds());
        problems.positive(element + "<failureThreshold>", probe.failureThreshold());
        problems.nonNegative(element + "<initialDelaySeconds>", probe.initialDelaySeconds());
    }

    /** {@code probes}: each probe, an absent one switched off with the defaults. */
    void values(Builder values) {
        values.section(
                "probes",
                "Health checks of the application container",
                probes -> probes.section(
                                "readiness",
                                "Decides when a pod gets traffic and, with OrderedReady, when the next pod starts",
                                b -> probe(b, readiness))
                        .section("liveness", "Restarts a container that stops answering", b -> probe(b, liveness))
                        .section(
                                "startup",
                                "Holds the other probes back until the application has started",
                                b -> probe(b, startup)));
    }

    private void probe(Builder b, Optional<Probe> given) {
        Probe probe = given.orElse(absent);
        b.leaf("enabled", "Add this probe", given.isPresent(), bool())
                .leaf(
                        "path",
                        "HTTP path for an httpGet probe; empty for a TCP probe",
                        probe.path().orElse(""),
                        string("^$|^/"))
                .leaf(
                        "port",
                        "Container port name or number",
                        portValue(probe.port()),
                        anyOf(integer(1, 65535), string()))
                .leaf("initialDelaySeconds", "Seconds before the first check", probe.initialDelaySeconds(), integer(0))
                .leaf("periodSeconds", "Seconds between checks", probe.periodSeconds(), integer(1))
                .leaf("timeoutSeconds", "Seconds a check may take", probe.timeoutSeconds(), integer(1))
                .leaf(
                        "failureThreshold",
                        "Failed checks in a row before the probe fails",
                        probe.failureThreshold(),
                        integer(1));
    }

    /** A port number as an integer, a name as a string. */
    private static Object portValue(String port) {
        return port == null ? "" : port.matches("[0-9]+") ? (Object) Integer.valueOf(port) : port;
    }

    public Optional<Probe> readiness() {
        return readiness;
    }

    public Optional<Probe> liveness() {
        return liveness;
    }

    public Optional<Probe> startup() {
        return startup;
    }
}
