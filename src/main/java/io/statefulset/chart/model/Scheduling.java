package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyObject;
import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.PodAntiAffinity;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where the pods may run: {@code <nodeSelector>}, the pod anti-affinity preset that keeps replicas
 * apart ({@code <podAntiAffinity>}), and the tolerations, affinity, spread constraints and priority
 * class that are given at install time.
 */
public final class Scheduling {
    /** Every chart spreads its replicas over nodes where it can, the sample included. */
    static final PodAntiAffinity DEFAULT_POD_ANTI_AFFINITY = PodAntiAffinity.SOFT;
    /** One replica per node: losing a node loses one replica, not all of them. */
    static final String DEFAULT_TOPOLOGY_KEY = "kubernetes.io/hostname";
    /** The strongest preference: the scheduler gives up spreading only when it has no other node. */
    static final int DEFAULT_WEIGHT = 100;

    private final SortedMap<String, String> nodeSelector;
    private final PodAntiAffinity podAntiAffinity;

    private Scheduling(RawConfiguration raw, Problems problems) {
        nodeSelector = Given.sorted(raw.nodeSelector());
        problems.metadata("<nodeSelector>", nodeSelector, true);
        podAntiAffinity = problems.oneOf(
                        "<podAntiAffinity>",
                        or(raw.podAntiAffinity(), DEFAULT_POD_ANTI_AFFINITY.value()),
                        PodAntiAffinity.class)
                .orElse(DEFAULT_POD_ANTI_AFFINITY);
    }

    static Scheduling resolve(RawConfiguration raw, Problems problems) {
        return new Scheduling(raw, problems);
    }

    /**
     * {@code nodeSelector}, {@code tolerations}, {@code podAntiAffinity}, {@code affinity}, {@code
     * topologySpreadConstraints}, {@code priorityClassName}.
     */
    void values(Builder values) {
        values.leaf("nodeSelector", "Node labels the pods must match", nodeSelector, mapOf(string()))
                .leaf("tolerations", "Tolerations of the pods", List.of(), array(anyObject()))
                .section(
                        "podAntiAffinity",
                        "Keeps replicas apart: a pod anti-affinity term on the pods' own selector labels, unless affinity is set",
                        spread -> spread.leaf(
                                        "type",
                                        "soft prefers other nodes, hard requires them (pods stay Pending otherwise), none adds no term",
                                        podAntiAffinity.value(),
                                        enumOf(Vocabulary.values(PodAntiAffinity.class)))
                                .leaf(
                                        "topologyKey",
                                        "Node label whose values must differ between replicas, e.g. topology.kubernetes.io/zone",
                                        DEFAULT_TOPOLOGY_KEY,
                                        string("^\\S+$"))
                                .leaf("weight", "Weight of the soft term", DEFAULT_WEIGHT, integer(1, 100)))
                .leaf(
                        "affinity",
                        "Affinity rules of the pods; when set, they replace the podAntiAffinity preset",
                        Map.of(),
                        anyObject())
                .leaf("topologySpreadConstraints", "Spread pods over zones or nodes", List.of(), array(anyObject()))
                .leaf("priorityClassName", "PriorityClass of the pods", "", string());
    }

    /** Node labels the pods must match. */
    public SortedMap<String, String> nodeSelector() {
        return nodeSelector;
    }

    /** The anti-affinity preset the pods get unless {@code affinity} is given at install time. */
    public PodAntiAffinity podAntiAffinity() {
        return podAntiAffinity;
    }
}
