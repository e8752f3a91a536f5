package io.statefulset.chart.model;

import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.vocabulary.UpdateStrategyType;

/**
 * The default: a RollingUpdate as {@code <updateStrategy>} says, partition 0, highest ordinal first.
 * Its next steps in NOTES.txt, {@code notes/rolling.txt}, follow {@code updateStrategy} (OnDelete, a
 * partition, maxUnavailable and minReadySeconds), so {@link Ramped} shares them.
 */
public final class Rolling extends Strategy {
    public static final String NAME = "rolling";

    Rolling() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    UpdateSettings read(UpdateSettings given) {
        return rollingAsGiven(given);
    }

    /** {@code <updateStrategy>} as given, RollingUpdate with partition 0 where it says nothing. */
    static UpdateSettings rollingAsGiven(UpdateSettings given) {
        String type = or(given.type(), UpdateStrategyType.ROLLING_UPDATE.value());
        // A partition only exists for RollingUpdate; leaving it unset for OnDelete lets the check tell an
        // explicit one apart.
        return new UpdateSettings(
                type,
                UpdateStrategyType.ROLLING_UPDATE.value().equals(type) ? or(given.partition(), 0) : given.partition(),
                given.maxUnavailable());
    }

    @Override
    void check(UpdateSettings given, Workload workload, Problems problems) {}
}
