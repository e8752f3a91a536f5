package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.str;
import static io.statefulset.chart.model.ValueSchemas.props;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.Protocol;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod's other containers: init containers ({@code <initContainers>}), which run to completion
 * in order before the application starts, with every claim and {@code /tmp} mounted, and sidecars
 * ({@code <sidecars>}), which run beside it: as native sidecars (init containers with {@code
 * restartPolicy: Always}, started before the application) on Kubernetes 1.29 and later, as plain
 * containers on older clusters. The chart decides at render time from the cluster's version.
 */
public final class ExtraContainers {
    static final String INIT_CONTAINERS = "initContainers";
    static final String SIDECARS = "sidecars";
    /** An image reference with a tag, a digest or both: without one a node runs whatever 'latest' was. */
    static final String IMAGE_WITH_TAG =
            "^[^\\s@]+(@sha256:[a-f0-9]{64}|:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(@sha256:[a-f0-9]{64})?)$";

    private final List<ExtraContainer> initContainers;
    private final List<ExtraContainer> sidecars;

    private ExtraContainers(RawConfiguration raw, ChartInfo chart, Network network, Problems problems) {
        Set<String> containerNames = new HashSet<>();
        // The application container is named after the chart.
        containerNames.add(chart.name());
        PortRegistry ports = new PortRegistry(network.ports());
        initContainers = resolve(raw.initContainers(), INIT_CONTAINERS, containerNames, ports, problems);
        sidecars = resolve(raw.sidecars(), SIDECARS, containerNames, ports, problems);
    }

    static ExtraContainers resolve(RawConfiguration raw, ChartInfo chart, Network network, Problems problems) {
        return new ExtraContainers(raw, chart, network, problems);
    }

    private static List<ExtraContainer> resolve(
            List<? extends RawConfiguration.ExtraContainer> given,
            String list,
            Set<String> containerNames,
            PortRegistry ports,
            Problems problems) {
        List<ExtraContainer> resolved = new ArrayList<>();
        List<? extends RawConfiguration.ExtraContainer> raw = Given.list(given);
        for (int i = 0; i < raw.size(); i++) {
            resolved.add(ExtraContainer.resolve(raw.get(i), list, i, containerNames, ports, problems));
        }
        return List.copyOf(resolved);
    }

    /**
     * The pod's port names and numbers: the containers share one network namespace, so a number
     * can be bound once, and a name must say which port it is.
     */
    static final class PortRegistry {
        private final Set<String> names = new HashSet<>();
        private final Set<Integer> numbers = new HashSet<>();

        PortRegistry(List<Port> applicationPorts) {
            applicationPorts.forEach(p -> {
                names.add(p.name());
                numbers.add(p.containerPort());
            });
        }

        void check(String list, RawConfiguration.ExtraPort port, int index, Problems problems) {
            String at = Problems.item(list + "<port", port.name(), index);
            if (!KubernetesSyntax.isPortName(port.name())) {
                problems.error(
                        at + "<name>",
                        port.name(),
                        "is not a port name; use at most 15 lowercase letters, digits and '-' with at least one letter, e.g. admin");
            } else if (!names.add(port.name())) {
                problems.error(
                        at + "<name>",
                        port.name(),
                        "is already a port of the pod (in <ports> or another sidecar); give every port its own name");
            }
            Integer number = port.containerPort();
            if (number == null || number < 1 || number > 65535) {
                problems.error(at + "<containerPort>", str(number), "must be a port number from 1 to 65535");
            } else if (!numbers.add(number)) {
                problems.error(
                        at + "<containerPort>",
                        str(number),
                        "is already a port of the pod (in <ports> or another sidecar); the containers of a pod share"
                                + " its network, so each port number can be bound once");
            }
            if (port.protocol() != null) {
                problems.oneOf(at + "<protocol>", port.protocol(), Protocol.class);
            }
        }
    }

    /** {@code initContainers} and {@code sidecars}. */
    void values(Builder values) {
        values.leaf(
                        INIT_CONTAINERS,
                        "Containers that run to completion, in this order, before the application starts; each mounts"
                                + " every claim and /tmp",
                        initContainers.stream().map(c -> value(c, false)).toList(),
                        array(entrySchema(false)))
                .leaf(
                        SIDECARS,
                        "Containers beside the application, each mounting /tmp: native sidecars (started before it,"
                                + " stopped after it) on Kubernetes 1.29+, plain containers on older clusters; a port with"
                                + " publish: true joins the headless Service",
                        sidecars.stream().map(c -> value(c, true)).toList(),
                        array(entrySchema(true)));
    }

    private static Map<String, Object> value(ExtraContainer c, boolean sidecar) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", c.name());
        value.put("image", c.image());
        value.put("command", c.command());
        value.put("args", c.args());
        value.put("env", c.env());
        if (sidecar) {
            value.put(
                    "ports",
                    c.ports().stream()
                            .map(p -> (Map<String, Object>) new LinkedHashMap<String, Object>(props(
                                    "name",
                                    p.port().name(),
                                    "containerPort",
                                    p.port().containerPort(),
                                    "protocol",
                                    p.port().protocol().value(),
                                    "publish",
                                    p.publish())))
                            .toList());
        }
        value.put("resources", c.resources());
        return value;
    }

    private static Map<String, Object> entrySchema(boolean sidecar) {
        Map<String, Object> properties = new LinkedHashMap<>(props(
                "name",
                string(ValueSchemas.DNS_LABEL),
                "image",
                string(IMAGE_WITH_TAG),
                "command",
                array(string()),
                "args",
                array(string()),
                "env",
                mapOf(ValueSchemas.ENV_NAME, ValueSchemas.SCALAR)));
        if (sidecar) {
            properties.put(
                    "ports",
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
                                    enumOf(Vocabulary.values(Protocol.class)),
                                    "publish",
                                    bool()),
                            "required",
                            List.of("name", "containerPort"),
                            "additionalProperties",
                            false)));
        }
        properties.put("resources", ValueSchemas.resourcesSchema());
        return schema(
                "type",
                "object",
                "properties",
                properties,
                "required",
                List.of("name", "image"),
                "additionalProperties",
                false);
    }

    /** In the order they run. */
    public List<ExtraContainer> initContainers() {
        return initContainers;
    }

    public List<ExtraContainer> sidecars() {
        return sidecars;
    }

    /** Every sidecar port, in declaration order. */
    public List<ExtraContainer.SidecarPort> sidecarPorts() {
        return sidecars.stream().flatMap(c -> c.ports().stream()).toList();
    }
}
