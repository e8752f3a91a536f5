package io.statefulset.validate;

import static io.statefulset.validate.PodRules.forEachContainer;
import static io.statefulset.validate.PodRules.forEachPod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.validate.Rule.Family;
import java.util.List;
import java.util.Optional;

/** Probes: a long-running container has a readiness probe, and every probe reaches a port the container has. */
final class ProbeRules {
    private ProbeRules() {}

    static final Rule READINESS = rule(
            "probe-readiness",
            Severity.WARNING,
            "Without a readiness probe a pod gets traffic, and OrderedReady starts the next pod, before it can serve.",
            "Add a readinessProbe to every long-running container.",
            ProbeRules::readiness);
    static final Rule PROBE_PORT = rule(
            "probe-port-unknown",
            Severity.ERROR,
            "A probe on a port name the container does not declare never succeeds, so the pod never becomes ready.",
            "Use a name from the container's ports, or a number.",
            ProbeRules::probePortUnknown);
    static final Rule PROBE_PORT_UNDECLARED = rule(
            "probe-port-undeclared",
            Severity.INFO,
            "A probe on a port number the container does not declare works, but hides a port from readers and Services.",
            "Declare the port in the container's ports.",
            ProbeRules::probePortUndeclared);

    private static Rule rule(String id, Severity severity, String rationale, String fix, Rule.Check check) {
        return new Rule(id, Family.POD, severity, rationale, fix, check);
    }

    private static void readiness(Manifests m, Reporter r) {
        forEachPod(m, (object, template) -> {
            if (!(object instanceof StatefulSet || object instanceof Deployment || object instanceof DaemonSet)) {
                return;
            }
            List<Container> containers = template.spec().getContainers();
            for (int i = 0; containers != null && i < containers.size(); i++) {
                if (containers.get(i).getReadinessProbe() == null) {
                    r.report(
                            object,
                            template.path() + ".containers[" + i + "].readinessProbe",
                            "the container '" + containers.get(i).getName() + "' has no readiness probe");
                }
            }
        });
    }

    private static void probePortUnknown(Manifests m, Reporter r) {
        forEachProbePort(m, (object, path, c, port) -> {
            String name = port.getStrVal();
            if (name != null && name.matches("[0-9]+")) {
                r.report(
                        object,
                        path,
                        "the probe gives port \"" + name + "\" as a string; the API server reads a string only as a"
                                + " port name (with a letter), so write the number unquoted");
            } else if (name != null && !declaredName(c, name)) {
                r.report(
                        object,
                        path,
                        "the probe uses the port name '" + name + "', which the container '" + c.getName()
                                + "' does not declare");
            }
        });
    }

    private static void probePortUndeclared(Manifests m, Reporter r) {
        forEachProbePort(m, (object, path, c, port) -> {
            Integer number = port.getIntVal();
            if (number != null
                    && (c.getPorts() == null
                            || c.getPorts().stream().noneMatch(p -> number.equals(p.getContainerPort())))) {
                r.report(
                        object,
                        path,
                        "the probe uses port " + number + ", which the container '" + c.getName()
                                + "' does not declare");
            }
        });
    }

    private interface ProbePortSink {
        void accept(HasMetadata object, String path, Container container, IntOrString port);
    }

    private static void forEachProbePort(Manifests m, ProbePortSink sink) {
        forEachPod(
                m,
                (object, template) -> forEachContainer(template.spec(), template.path(), (path, c) -> {
                    probePort(c.getReadinessProbe())
                            .ifPresent(p -> sink.accept(object, path + ".readinessProbe", c, p));
                    probePort(c.getLivenessProbe()).ifPresent(p -> sink.accept(object, path + ".livenessProbe", c, p));
                    probePort(c.getStartupProbe()).ifPresent(p -> sink.accept(object, path + ".startupProbe", c, p));
                }));
    }

    private static Optional<IntOrString> probePort(Probe probe) {
        if (probe == null) {
            return Optional.empty();
        }
        if (probe.getHttpGet() != null) {
            return Optional.ofNullable(probe.getHttpGet().getPort());
        }
        if (probe.getTcpSocket() != null) {
            return Optional.ofNullable(probe.getTcpSocket().getPort());
        }
        return Optional.empty();
    }

    private static boolean declaredName(Container c, String name) {
        return c.getPorts() != null
                && c.getPorts().stream().map(ContainerPort::getName).anyMatch(name::equals);
    }
}
