package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyObject;
import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.string;

import io.statefulset.chart.ValuesTree.Builder;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Where the pods may run: {@code <nodeSelector>}, and the tolerations, affinity, spread
 * constraints and priority class that are given at install time.
 */
public final class Scheduling {
    private final SortedMap<String, String> nodeSelector;

    private Scheduling(RawConfiguration raw, Problems problems) {
        nodeSelector = Given.sorted(raw.nodeSelector());
        problems.metadata("<nodeSelector>", nodeSelector, true);
    }

    static Scheduling resolve(RawConfiguration raw, Problems problems) {
        return new Scheduling(raw, problems);
    }

    /** {@code nodeSelector}, {@code tolerations}, {@code affinity}, {@code topologySpreadConstraints}, {@code priorityClassName}. */
    void values(Builder values) {
        values.leaf("nodeSelector", "Node labels the pods must match", nodeSelector, mapOf(string()))
                .leaf("tolerations", "Tolerations of the pods", List.of(), array(anyObject()))
                .leaf("affinity", "Affinity rules of the pods", Map.of(), anyObject())
                .leaf("topologySpreadConstraints", "Spread pods over zones or nodes", List.of(), array(anyObject()))
                .leaf("priorityClassName", "PriorityClass of the pods", "", string());
    }

    /** Node labels the pods must match. */
    public SortedMap<String, String> nodeSelector() {
        return nodeSelector;
    }
}
