package io.statefulset.chart.model;

import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.vocabulary.Protocol;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An init container ({@code <initContainer>}) or a sidecar ({@code <sidecar>}): a container of the
 * application's pods with its own image, command, environment and resources, and the application's
 * restricted security context.
 */
public final class ExtraContainer {
    /** Requests and limits of each resource not given: the same as the hooks'. */
    @SuppressWarnings("unchecked")
    static final Map<String, String> DEFAULT_REQUESTS =
            (Map<String, String>) ValueSchemas.auxiliaryResources().get("requests");

    @SuppressWarnings("unchecked")
    static final Map<String, String> DEFAULT_LIMITS =
            (Map<String, String>) ValueSchemas.auxiliaryResources().get("limits");

    private final String name;
    private final String image;
    private final List<String> command;
    private final List<String> args;
    private final SortedMap<String, String> env;
    private final List<SidecarPort> ports;
    private final SortedMap<String, String> requests;
    private final SortedMap<String, String> limits;

    /** A sidecar's port; {@code publish} adds it to the headless Service. */
    public record SidecarPort(Port port, boolean publish) {}

    private ExtraContainer(RawConfiguration.ExtraContainer raw) {
        name = raw.name();
        image = raw.image();
        command = Given.list(raw.command());
        args = Given.list(raw.args());
        env = Given.sorted(raw.env());
        List<SidecarPort> given = new ArrayList<>();
        for (RawConfiguration.ExtraPort port : Given.list(raw.ports())) {
            Protocol protocol = Vocabulary.parse(Protocol.class, or(port.protocol(), Network.DEFAULT_PROTOCOL.value()))
                    .orElse(Network.DEFAULT_PROTOCOL);
            given.add(new SidecarPort(
                    new Port(port.name(), or(port.containerPort(), 0), protocol), or(port.publish(), false)));
        }
        ports = List.copyOf(given);
        requests = Given.sorted(of(raw.resources(), RawConfiguration.Resources::requests));
        limits = Given.sorted(of(raw.resources(), RawConfiguration.Resources::limits));
    }

    /**
     * {@code raw}, the {@code index}th of {@code list} ({@code initContainers} or {@code sidecars}),
     * checked; {@code containerNames} and {@code ports} hold those of the containers before it.
     */
    static ExtraContainer resolve(
            RawConfiguration.ExtraContainer raw,
            String list,
            int index,
            Set<String> containerNames,
            ExtraContainers.PortRegistry ports,
            Problems problems) {
        ExtraContainer container = new ExtraContainer(raw);
        String item = list.substring(0, list.length() - 1);
        String at = Problems.item("<" + list + "><" + item, raw.name(), index);
        container.check(at, raw, containerNames, problems);
        boolean sidecar = list.equals(ExtraContainers.SIDECARS);
        List<? extends RawConfiguration.ExtraPort> rawPorts = Given.list(raw.ports());
        if (!sidecar && !rawPorts.isEmpty()) {
            problems.error(
                    at + "<ports>",
                    null,
                    "init containers run to completion before the application starts and serve no port; remove"
                            + " <ports>, or make the container a <sidecar>");
        }
        for (int i = 0; sidecar && i < rawPorts.size(); i++) {
            ports.check(at + "<ports>", rawPorts.get(i), i, problems);
        }
        return container;
    }

    private void check(String at, RawConfiguration.ExtraContainer raw, Set<String> containerNames, Problems problems) {
        if (!KubernetesSyntax.isDnsLabel(name)) {
            problems.error(
                    at + "<name>",
                    name,
                    "is not a container name; use a DNS-1123 label (lowercase letters, digits and '-'), e.g. restore");
        } else if (!containerNames.add(name)) {
            problems.error(
                    at + "<name>",
                    name,
                    "is the name of another container of the pod (the application's is its chart name); give every"
                            + " container its own name");
        }
        Image.checkReference(at + "<image>", image, problems);
        env.keySet().stream()
                .filter(variable -> !KubernetesSyntax.isEnvName(variable))
                .forEach(
                        variable -> problems.error(
                                at + "<env><" + variable + ">",
                                variable,
                                "is not an environment variable name; use letters, digits, '_', '-' and '.', not starting with a digit"));
        Workload.checkQuantities(at + "<resources>", requests, limits, DEFAULT_LIMITS, problems);
    }

    /** A DNS label, unique among the pod's containers. */
    public String name() {
        return name;
    }

    /** The whole image reference, with its tag or digest. */
    public String image() {
        return image;
    }

    public List<String> command() {
        return command;
    }

    public List<String> args() {
        return args;
    }

    /** Values reach the container as written, as the application's {@code <env>}. */
    public SortedMap<String, String> env() {
        return env;
    }

    /** A sidecar's ports; an init container has none. */
    public List<SidecarPort> ports() {
        return ports;
    }

    /** {@code resources}: the given requests and limits, each resource not given as the hooks have it. */
    Map<String, Object> resources() {
        return ValueSchemas.resources(withDefaults(requests, DEFAULT_REQUESTS), withDefaults(limits, DEFAULT_LIMITS));
    }

    private static SortedMap<String, String> withDefaults(Map<String, String> given, Map<String, String> defaults) {
        SortedMap<String, String> merged = new TreeMap<>(defaults);
        merged.putAll(given);
        return merged;
    }
}
