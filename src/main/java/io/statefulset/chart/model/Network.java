package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;
import static io.statefulset.chart.model.Given.str;
import static io.statefulset.chart.model.ValueSchemas.props;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.Protocol;
import io.statefulset.chart.vocabulary.ServiceType;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The container's ports ({@code <ports>}), the client Service ({@code <service>}) in front of them
 * and the headless Service that gives each pod its DNS name.
 */
public final class Network {
    static final Protocol DEFAULT_PROTOCOL = Protocol.TCP;
    static final ServiceType DEFAULT_SERVICE_TYPE = ServiceType.CLUSTER_IP;
    /** The client Service's port when no container port gives one: for a Service switched on at install time. */
    static final int FALLBACK_SERVICE_PORT = 80;

    private final List<Port> ports;
    private final boolean serviceEnabled;
    private final ServiceType serviceType;
    private final int servicePort;
    private final String targetPort;
    private final int nodePort;

    private Network(RawConfiguration raw, Problems problems) {
        ports = ports(Given.list(raw.ports()), problems);
        RawConfiguration.Service service = raw.service();
        RawConfiguration.Port first =
                Given.isEmpty(raw.ports()) ? null : raw.ports().get(0);
        // No <service> at all: a ClusterIP Service in front of the first port, as `helm create` gives.
        serviceEnabled = or(of(service, RawConfiguration.Service::enabled), service != null || first != null);
        String type = or(of(service, RawConfiguration.Service::type), DEFAULT_SERVICE_TYPE.value());
        Integer port = or(of(service, RawConfiguration.Service::port), of(first, RawConfiguration.Port::containerPort));
        String target = or(of(service, RawConfiguration.Service::targetPort), of(first, RawConfiguration.Port::name));
        nodePort = or(of(service, RawConfiguration.Service::nodePort), 0);
        serviceType = Vocabulary.parse(ServiceType.class, type).orElse(DEFAULT_SERVICE_TYPE);
        servicePort = or(port, FALLBACK_SERVICE_PORT);
        targetPort = or(target, "");
        if (serviceEnabled) {
            checkService(type, port, target, problems);
        }
    }

    static Network resolve(RawConfiguration raw, Problems problems) {
        return new Network(raw, problems);
    }

    private static List<Port> ports(List<? extends RawConfiguration.Port> given, Problems problems) {
        List<Port> ports = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            RawConfiguration.Port port = given.get(i);
            String at = Problems.item("<ports><port", port.name(), i);
            if (!KubernetesSyntax.isPortName(port.name())) {
                problems.error(
                        at + "<name>",
                        port.name(),
                        "is not a port name; use at most 15 lowercase letters, digits and '-' with at least one letter, e.g. http");
            } else if (!names.add(port.name())) {
                problems.error(at + "<name>", port.name(), "is declared twice; give each port its own name");
            }
            Integer number = port.containerPort();
            if (number == null || number < 1 || number > 65535) {
                problems.error(at + "<containerPort>", str(number), "must be a port number from 1 to 65535");
            } else if (!numbers.add(number)) {
                problems.error(
                        at + "<containerPort>", str(number), "is declared twice; each container port may appear once");
            }
            Protocol protocol = problems.oneOf(
                            at + "<protocol>", or(port.protocol(), DEFAULT_PROTOCOL.value()), Protocol.class)
                    .orElse(DEFAULT_PROTOCOL);
            ports.add(new Port(port.name(), number == null ? 0 : number, protocol));
        }
        return List.copyOf(ports);
    }

    private void checkService(String type, Integer port, String target, Problems problems) {
        if (ports.isEmpty()) {
            problems.error(
                    "<service>",
                    null,
                    "needs a container port to send traffic to; declare one in <ports> or set <service><enabled>false</enabled>");
            return;
        }
        problems.oneOf("<service><type>", type, ServiceType.class);
        if (port == null || port < 1 || port > 65535) {
            problems.error("<service><port>", str(port), "must be a port number from 1 to 65535");
        }
        if (ports.stream().noneMatch(p -> Objects.equals(p.name(), target))) {
            problems.error("<service><targetPort>", target, "names no port in <ports>; use one of " + portNames());
        }
        boolean nodePorts = ServiceType.NODE_PORT.value().equals(type)
                || ServiceType.LOAD_BALANCER.value().equals(type);
        if (nodePort != 0 && !nodePorts) {
            problems.error(
                    "<service><nodePort>",
                    String.valueOf(nodePort),
                    "only applies to <type>NodePort</type> or LoadBalancer; remove it or change the type");
        } else if (nodePort < 0 || nodePort > 65535) {
            problems.error(
                    "<service><nodePort>",
                    String.valueOf(nodePort),
                    "must be a port number (the cluster's node port range, by default 30000-32767), or 0 to let Kubernetes pick");
        } else if (nodePort != 0 && (nodePort < 30000 || nodePort > 32767)) {
            problems.warning(
                    "<service><nodePort>",
                    String.valueOf(nodePort),
                    "is outside Kubernetes' default node port range 30000-32767; the API server refuses it unless the cluster's"
                            + " --service-node-port-range includes it");
        }
    }

    /** The declared port names for a message, e.g. {@code http, metrics}. */
    String portNames() {
        return ports.isEmpty()
                ? "(none declared)"
                : String.join(", ", ports.stream().map(Port::name).toList());
    }

    /** The first port's name, where probes and the Service connect by default. */
    String firstPortName() {
        return ports.isEmpty() ? null : ports.get(0).name();
    }

    /** {@code ports}, {@code service} and {@code headlessService}. */
    void values(Builder values) {
        values.leaf(
                        "ports",
                        "Container ports; the headless Service publishes all of them",
                        ports.stream()
                                .map(p -> (Map<String, Object>) new LinkedHashMap<String, Object>(props(
                                        "name",
                                        p.name(),
                                        "containerPort",
                                        p.containerPort(),
                                        "protocol",
                                        p.protocol().value())))
                                .toList(),
                        array(schema(
                                "type",
                                "object",
                                "properties",
                                props(
                                        "name",
                                        string(ValueSchemas.PORT_NAME),
                                        "containerPort",
                                        integer(1, 65535),
                                        "protocol",
                                        enumOf(Vocabulary.values(Protocol.class))),
                                "required",
                                List.of("name", "containerPort"),
                                "additionalProperties",
                                false)))
                .section(
                        "service",
                        "The client Service that spreads traffic over ready pods",
                        service -> service.leaf("enabled", "Create the client Service", serviceEnabled, bool())
                                .leaf(
                                        "type",
                                        "Service type",
                                        serviceType.value(),
                                        enumOf(Vocabulary.values(ServiceType.class)))
                                .leaf("port", "Port the Service listens on", servicePort, integer(1, 65535))
                                .leaf("targetPort", "Name of the container port traffic goes to", targetPort, string())
                                .leaf(
                                        "nodePort",
                                        "Fixed node port for NodePort/LoadBalancer; 0 lets Kubernetes pick",
                                        nodePort,
                                        integer(0, 65535))
                                .leaf(
                                        "annotations",
                                        "Annotations of the client Service",
                                        Map.of(),
                                        mapOf(ValueSchemas.SCALAR)))
                .section(
                        "headlessService",
                        "The headless Service <fullname>-headless that gives each pod a stable DNS name",
                        headless -> headless.leaf(
                                        "publishNotReadyAddresses",
                                        "Publish pod DNS records before pods are ready, so peers can find each other while starting",
                                        true,
                                        bool())
                                .leaf(
                                        "annotations",
                                        "Annotations of the headless Service",
                                        Map.of(),
                                        mapOf(ValueSchemas.SCALAR)));
    }

    public List<Port> ports() {
        return ports;
    }

    public boolean serviceEnabled() {
        return serviceEnabled;
    }

    public ServiceType serviceType() {
        return serviceType;
    }

    public int servicePort() {
        return servicePort;
    }

    /** The name of the container port the Service sends traffic to; empty when no port is declared. */
    public String targetPort() {
        return targetPort;
    }

    /** 0 lets Kubernetes pick. */
    public int nodePort() {
        return nodePort;
    }
}
