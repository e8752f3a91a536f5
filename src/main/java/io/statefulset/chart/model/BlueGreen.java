package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.UpdateStrategyType;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two StatefulSets, {@code <fullname>-blue} and {@code <fullname>-green}, each rolling fully to its
 * own version; the client Service sends traffic to the active slot. Its next steps in NOTES.txt:
 * {@code notes/blueGreen.txt}.
 */
public final class BlueGreen extends Strategy {
    public static final String NAME = "blueGreen";
    static final Slot DEFAULT_ACTIVE_SLOT = Slot.BLUE;

    /** As written, so that a slot that does not exist is reported as written. */
    private final String activeSlotName;

    private final Slot activeSlot;
    private final int idleReplicas;

    BlueGreen(RawConfiguration raw, Workload workload) {
        activeSlotName = or(raw.activeSlot(), DEFAULT_ACTIVE_SLOT.value());
        activeSlot = Vocabulary.parse(Slot.class, activeSlotName).orElse(DEFAULT_ACTIVE_SLOT);
        // Unset means as many as the active slot, not 0.
        idleReplicas = or(raw.idleSlotReplicas(), workload.replicas());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The slot the client Service sends traffic to. */
    public Slot activeSlot() {
        return activeSlot;
    }

    /** Replicas of the idle slot. */
    public int idleReplicas() {
        return idleReplicas;
    }

    @Override
    void check(UpdateSettings given, Workload workload, Problems problems) {
        if (UpdateStrategyType.ON_DELETE.value().equals(given.type())) {
            problems.error(
                    "<updateStrategy><type>",
                    given.type(),
                    "cannot go with <strategy>blueGreen</strategy>: each slot must roll to its new"
                            + " version by itself before traffic switches; remove <type>");
        }
        if (given.partition() != null) {
            problems.error(
                    "<updateStrategy><partition>",
                    String.valueOf(given.partition()),
                    "cannot go with <strategy>blueGreen</strategy>: each slot rolls fully to its version"
                            + " and traffic switches with <activeSlot>; remove <partition>");
        }
        problems.oneOf("<activeSlot>", activeSlotName, Slot.class);
        problems.nonNegative("<idleSlotReplicas>", idleReplicas);
    }

    /** The elements that set this strategy, by element. */
    static Map<String, Object> settings(RawConfiguration raw) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("<activeSlot>", raw.activeSlot());
        settings.put("<idleSlotReplicas>", raw.idleSlotReplicas());
        return settings;
    }

    /** {@code blueGreen}: the chosen slots' settings, or what a later {@code --set strategy=blueGreen} gets. */
    static void values(Builder values, Strategy chosen) {
        BlueGreen blueGreen = chosen instanceof BlueGreen b ? b : null;
        values.section(
                NAME,
                "Settings of strategy blueGreen: StatefulSets <fullname>-blue and <fullname>-green",
                section -> section.leaf(
                                "activeSlot",
                                "The slot the client Service sends traffic to; switch with helm upgrade --reuse-values --set blueGreen.activeSlot=green",
                                (blueGreen == null ? DEFAULT_ACTIVE_SLOT : blueGreen.activeSlot).value(),
                                enumOf(Vocabulary.values(Slot.class)))
                        .leaf(
                                "idleReplicas",
                                "Replicas of the idle slot; 0 scales it down, empty keeps replicaCount",
                                blueGreen == null ? "" : blueGreen.idleReplicas,
                                anyOf(integer(0), schema("const", "")))
                        .leaf(
                                "previewService",
                                "Add a Service <fullname>-preview that reaches the idle slot, to test a new version before switching",
                                true,
                                bool())
                        .section(
                                "slots",
                                "Per-slot image tags; empty means image.tag",
                                slots -> slots.leaf(
                                                Slot.BLUE.value(),
                                                "Image tag of the blue slot",
                                                "",
                                                ValueSchemas.imageTag())
                                        .leaf(
                                                Slot.GREEN.value(),
                                                "Image tag of the green slot",
                                                "",
                                                ValueSchemas.imageTag())));
    }
}
