package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyObject;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.ValuesTree.Entry;
import io.statefulset.chart.ValuesTree.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the generated chart, gathered from the sections of a {@link ChartModel}. The keys
 * are the chart's public interface (see DESIGN.md): every setting of the POM becomes a value the
 * bundled templates read, so it can be overridden with {@code helm install --set}.
 */
public final class ValuesModel {
    /**
     * The top-level keys in the order values.yaml, values.schema.json and the README list them; a
     * section's key must have its place here.
     */
    static final List<String> KEYS = List.of(
            "nameOverride",
            "fullnameOverride",
            "replicaCount",
            "image",
            "imagePullSecrets",
            "podManagementPolicy",
            "strategy",
            Canary.NAME,
            BlueGreen.NAME,
            Recreate.NAME,
            "updateStrategy",
            "minReadySeconds",
            "revisionHistoryLimit",
            "terminationGracePeriodSeconds",
            "ports",
            "service",
            "headlessService",
            "persistence",
            "persistentVolumeClaimRetentionPolicy",
            "env",
            "secretEnv",
            "expandedEnv",
            "podAnnotations",
            "podLabels",
            "resources",
            "podSecurityContext",
            "containerSecurityContext",
            "tmpVolume",
            "probes",
            ExtraContainers.INIT_CONTAINERS,
            ExtraContainers.SIDECARS,
            "configFiles",
            "serviceAccount",
            "podDisruptionBudget",
            "networkPolicy",
            "metrics",
            "hooks",
            "tests",
            "nodeSelector",
            "tolerations",
            "podAntiAffinity",
            "affinity",
            "topologySpreadConstraints",
            "priorityClassName",
            "extra");

    private ValuesModel() {}

    /** The values of the chart for {@code model}. */
    public static Section build(ChartModel model) {
        Builder sections = new Builder();
        model.chart().values(sections);
        model.image().values(sections);
        model.workload().values(sections);
        model.rollout().values(sections);
        model.network().values(sections);
        model.persistence().values(sections);
        model.environment().values(sections);
        model.scheduling().values(sections);
        model.security().values(sections);
        model.probes().values(sections);
        model.containers().values(sections);
        model.configFiles().values(sections);
        model.networkPolicy().values(sections);
        model.metrics().values(sections);
        model.hooks().values(sections);
        sections.leaf(
                "extra", "Free-form values for templates you add in src/main/helm/templates", Map.of(), anyObject());
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry entry : sections.entries()) {
            if (byKey.put(entry.key(), entry) != null) {
                throw new IllegalStateException("Two sections write the values key " + entry.key());
            }
        }
        List<Entry> ordered = KEYS.stream()
                .map(key -> {
                    Entry entry = byKey.remove(key);
                    if (entry == null) {
                        throw new IllegalStateException("No section writes the values key " + key);
                    }
                    return entry;
                })
                .toList();
        if (!byKey.isEmpty()) {
            throw new IllegalStateException("Values keys without a place in ValuesModel.KEYS: " + byKey.keySet());
        }
        return new Section(null, null, ordered, null, null);
    }
}
