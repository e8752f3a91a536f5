package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyObject;
import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;
import static io.statefulset.chart.model.ValueSchemas.props;

import io.statefulset.chart.ValuesTree.Builder;
import java.util.List;

/**
 * A NetworkPolicy for the application's pods ({@code <networkPolicy>}): ingress on every container
 * port from the pods of the same release (the StatefulSet's peers, its hook and test pods) and from
 * the peers listed at install time; egress unrestricted unless rules are given.
 */
public final class NetworkPolicy {
    private final boolean enabled;

    private NetworkPolicy(RawConfiguration raw) {
        enabled = or(of(raw.networkPolicy(), RawConfiguration.NetworkPolicy::enabled), false);
    }

    static NetworkPolicy resolve(RawConfiguration raw) {
        return new NetworkPolicy(raw);
    }

    /** {@code networkPolicy}. */
    void values(Builder values) {
        values.section(
                "networkPolicy",
                "A NetworkPolicy for the application's pods: ingress on every container port from the pods of this"
                        + " release (peers, hooks, tests) and from allowFrom",
                policy -> policy.leaf("enabled", "Create the NetworkPolicy", enabled, bool())
                        .leaf(
                                "allowFrom",
                                "More peers allowed in, as NetworkPolicy peers, e.g. {namespaceSelector: {matchLabels:"
                                        + " {kubernetes.io/metadata.name: monitoring}}}",
                                List.of(),
                                array(schema(
                                        "type",
                                        "object",
                                        "properties",
                                        props(
                                                "namespaceSelector",
                                                anyObject(),
                                                "podSelector",
                                                anyObject(),
                                                "ipBlock",
                                                anyObject()),
                                        "minProperties",
                                        1,
                                        "additionalProperties",
                                        false)))
                        .leaf(
                                "egress",
                                "Egress rules ({to, ports}); empty leaves egress unrestricted, otherwise DNS and the pods"
                                        + " of this release stay allowed next to them",
                                List.of(),
                                array(schema(
                                        "type",
                                        "object",
                                        "properties",
                                        props("to", array(anyObject()), "ports", array(anyObject())),
                                        "additionalProperties",
                                        false))));
    }

    /** Whether the chart creates the NetworkPolicy by default. */
    public boolean enabled() {
        return enabled;
    }
}
