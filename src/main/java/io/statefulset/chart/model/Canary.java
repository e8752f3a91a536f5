package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.UpdateStrategyType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code <canaryReplicas>} highest ordinals get a new version first: a RollingUpdate whose
 * partition is replicas minus them, until {@code canary.promote} rolls it out to every pod. Its
 * next steps in NOTES.txt: {@code notes/canary.txt}.
 */
public final class Canary extends Strategy {
    public static final String NAME = "canary";
    static final int DEFAULT_REPLICAS = 1;
    static final boolean DEFAULT_SERVICE = true;

    private final int replicas;
    private final boolean service;

    Canary(RawConfiguration raw) {
        replicas = or(raw.canaryReplicas(), DEFAULT_REPLICAS);
        service = or(raw.canaryService(), DEFAULT_SERVICE);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Pods (the highest ordinals) that get a new version first. */
    public int replicas() {
        return replicas;
    }

    /** Whether each canary pod gets a Service of its own. */
    public boolean service() {
        return service;
    }

    @Override
    void check(UpdateSettings given, Workload workload, Problems problems) {
        int all = workload.replicas();
        if (replicas < 1 || replicas >= all) {
            problems.error(
                    "<canaryReplicas>",
                    String.valueOf(replicas),
                    "must be at least 1 and less than <replicas> (" + all
                            + "), so that some pods keep the old version while the canary runs"
                            + (all < 2 ? "; a canary needs <replicas>2</replicas> or more" : ""));
        }
        if (given.type() != null && !given.type().equals(UpdateStrategyType.ROLLING_UPDATE.value())) {
            problems.error(
                    "<updateStrategy><type>",
                    given.type(),
                    "contradicts <strategy>canary</strategy>, which is a RollingUpdate partition; remove <type>");
        }
        if (given.partition() != null) {
            problems.error(
                    "<updateStrategy><partition>",
                    String.valueOf(given.partition()),
                    "is computed by"
                            + " <strategy>canary</strategy> (replicas - canaryReplicas); remove <partition> and set <canaryReplicas>");
        }
    }

    /** The elements that set this strategy, by element. */
    static Map<String, Object> settings(RawConfiguration raw) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("<canaryReplicas>", raw.canaryReplicas());
        settings.put("<canaryService>", raw.canaryService());
        return settings;
    }

    /** {@code canary}: the chosen canary's settings, or the defaults a later {@code --set strategy=canary} gets. */
    static void values(Builder values, Strategy chosen) {
        Canary canary = chosen instanceof Canary c ? c : null;
        values.section(
                NAME,
                "Settings of strategy canary",
                section -> section.leaf(
                                "replicas",
                                "Pods (the highest ordinals) that get a new version first; the partition is replicaCount minus this",
                                canary == null ? DEFAULT_REPLICAS : canary.replicas,
                                integer(1))
                        .leaf(
                                "promote",
                                "Roll the new version out to every pod (partition 0): helm upgrade --reuse-values --set canary.promote=true",
                                false,
                                bool())
                        .leaf(
                                "service",
                                "Add a Service <fullname>-canary-<ordinal> per canary pod, to test it directly",
                                canary == null ? DEFAULT_SERVICE : canary.service,
                                bool()));
    }
}
