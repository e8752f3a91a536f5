package io.statefulset.chart.model;

import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.vocabulary.UpdateStrategyType;

/**
 * RollingUpdate paced by {@code minReadySeconds} (default 30) and {@code maxUnavailable} (default
 * 25%): a quarter of the pods at a time, each ready for 30 s before it counts. NOTES.txt gives it
 * {@link Rolling}'s next steps, which name both.
 */
public final class Ramped extends Strategy {
    public static final String NAME = "ramped";
    static final String DEFAULT_MAX_UNAVAILABLE = "25%";
    static final int DEFAULT_MIN_READY_SECONDS = 30;

    Ramped() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    UpdateSettings read(UpdateSettings given) {
        UpdateSettings rolling = Rolling.rollingAsGiven(given);
        // No default maxUnavailable under OnDelete: the check reports the type, not a value the user never set.
        boolean onDelete = UpdateStrategyType.ON_DELETE.value().equals(given.type());
        return new UpdateSettings(
                rolling.type(),
                rolling.partition(),
                onDelete ? given.maxUnavailable() : or(given.maxUnavailable(), DEFAULT_MAX_UNAVAILABLE));
    }

    @Override
    int defaultMinReadySeconds() {
        return DEFAULT_MIN_READY_SECONDS;
    }

    @Override
    void check(UpdateSettings given, Workload workload, Problems problems) {
        if (UpdateStrategyType.ON_DELETE.value().equals(given.type())) {
            problems.error(
                    "<updateStrategy><type>",
                    given.type(),
                    "contradicts <strategy>ramped</strategy>, which rolls pods with RollingUpdate;"
                            + " remove <type> or use <strategy>recreate</strategy>");
        }
        if (workload.orderedReady()) {
            problems.warning(
                    "<strategy>",
                    NAME,
                    "ramps with maxUnavailable, which OrderedReady ignores; set"
                            + " <podManagementPolicy>Parallel</podManagementPolicy> for a ramp, or only minReadySeconds paces it");
        }
    }
}
