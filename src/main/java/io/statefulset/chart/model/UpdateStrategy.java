package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.UpdateStrategyType;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The StatefulSet's {@code updateStrategy} as the chart's values hold it: the type, the partition
 * and maxUnavailable (a number of pods or a percentage, absent for the API server's default 1).
 */
public record UpdateStrategy(UpdateStrategyType type, int partition, Optional<String> maxUnavailable) {
    static final UpdateStrategyType DEFAULT_TYPE = UpdateStrategyType.ROLLING_UPDATE;
    static final Pattern PERCENT = Pattern.compile("([1-9][0-9]?|100)%");

    /**
     * Where Kubernetes honours a StatefulSet's maxUnavailable (KEP-961): beta and on by default in
     * 1.35.0, turned off by default again in 1.35.4 and 1.36 because it broke Parallel rollouts
     * (kubernetes#137409), on by default again from 1.37. Elsewhere pods are replaced one at a time.
     */
    private static final String MAX_UNAVAILABLE_HONOURED = "Kubernetes honours maxUnavailable: by default on 1.37+"
            + " and 1.35.0 to 1.35.3, otherwise only with the MaxUnavailableStatefulSet feature gate (1.24+);"
            + " other servers replace one pod at a time";

    /** What {@code strategy} makes of {@code settings}, the {@code <updateStrategy>} as it reads it. */
    static UpdateStrategy of(UpdateSettings settings, Strategy strategy) {
        return new UpdateStrategy(
                Vocabulary.parse(UpdateStrategyType.class, settings.type()).orElse(strategy.updateType()),
                or(settings.partition(), 0),
                Optional.ofNullable(settings.maxUnavailable()));
    }

    /**
     * Checks {@code <updateStrategy>} as the chosen strategy reads it; what each strategy refuses
     * besides is for {@link Strategy#check}.
     */
    static void check(UpdateSettings settings, Workload workload, Problems problems) {
        if (settings.type() == null) {
            // The strategy decides the type; its own check looks at what else was written.
            maxUnavailable(settings.maxUnavailable(), workload, problems);
            return;
        }
        var type = problems.oneOf("<updateStrategy><type>", settings.type(), UpdateStrategyType.class);
        if (type.isEmpty()) {
            return;
        }
        if (type.get() == UpdateStrategyType.ON_DELETE) {
            if (settings.partition() != null) {
                problems.error(
                        "<updateStrategy><partition>",
                        String.valueOf(settings.partition()),
                        "only applies to RollingUpdate; the API server rejects a rollingUpdate block with OnDelete. Remove <partition> or use <type>RollingUpdate</type>");
            }
            if (settings.maxUnavailable() != null) {
                problems.error(
                        "<updateStrategy><maxUnavailable>",
                        settings.maxUnavailable(),
                        "only applies to RollingUpdate; the API server rejects a rollingUpdate block with OnDelete. Remove <maxUnavailable> or use <type>RollingUpdate</type>");
            }
            return;
        }
        // Unset when the canary strategy computes it.
        Integer partition = settings.partition();
        int replicas = workload.replicas();
        if (partition != null && partition < 0) {
            problems.error(
                    "<updateStrategy><partition>", String.valueOf(partition), "must be 0 or more; 0 updates every pod");
        } else if (partition != null && replicas >= 0 && partition > replicas) {
            problems.error(
                    "<updateStrategy><partition>",
                    String.valueOf(partition),
                    "is above <replicas> (" + replicas + ") so no pod would ever be updated; use a value from 0 to "
                            + replicas);
        }
        maxUnavailable(settings.maxUnavailable(), workload, problems);
    }

    private static void maxUnavailable(String value, Workload workload, Problems problems) {
        if (value == null) {
            return;
        }
        String element = "<updateStrategy><maxUnavailable>";
        if (value.matches("-?[0-9]+")) {
            if (Long.parseLong(value) < 1) {
                problems.error(
                        element,
                        value,
                        "must be at least 1 (or a percentage from 1% to 100%); the API server rejects 0");
                return;
            }
        } else if (!PERCENT.matcher(value).matches()) {
            problems.error(element, value, "must be a number of pods (1 or more) or a percentage from 1% to 100%");
            return;
        }
        if (value.equals("1")) {
            // The default: one pod at a time, which every Kubernetes version does.
            return;
        }
        problems.warning(element, value, "replaces several pods at once only where " + MAX_UNAVAILABLE_HONOURED);
        if (workload.orderedReady()) {
            problems.warning(
                    element,
                    value,
                    "has no effect with <podManagementPolicy>OrderedReady</podManagementPolicy>; use Parallel to roll several pods at once");
        }
    }

    /** {@code updateStrategy}: the type and its rollingUpdate settings. */
    void values(Builder values) {
        values.section(
                "updateStrategy",
                "How pods are replaced when the pod template changes (as set here for strategies rolling and ramped)",
                strategy -> strategy.leaf(
                                "type",
                                "RollingUpdate replaces pods from the highest ordinal down; OnDelete waits until you delete them",
                                type.value(),
                                enumOf(Vocabulary.values(UpdateStrategyType.class)))
                        .section(
                                "rollingUpdate",
                                "Settings for RollingUpdate (ignored with OnDelete)",
                                rolling -> rolling.leaf(
                                                "partition",
                                                "Only pods with an ordinal at or above this are updated (a canary when above 0)",
                                                partition,
                                                integer(0))
                                        .leaf(
                                                "maxUnavailable",
                                                "Pods that may be down at once during an update, a number or a percentage; empty for the default 1 (more than 1 needs Kubernetes 1.37+ or 1.35.0 to 1.35.3, else the MaxUnavailableStatefulSet feature gate)",
                                                maxUnavailableValue(),
                                                anyOf(integer(1), string("^$|" + ValueSchemas.PERCENT)))));
    }

    /** A number of pods as an integer, a percentage as a string, nothing as "". */
    private Object maxUnavailableValue() {
        return maxUnavailable
                .map(value -> value.matches("[0-9]+") ? (Object) Integer.valueOf(value) : value)
                .orElse("");
    }
}
