package io.statefulset.chart.model;

import io.statefulset.chart.vocabulary.UpdateStrategyType;
import java.util.List;
import java.util.Optional;

/**
 * A rollout strategy ({@code <strategy>}): how a new version reaches the pods. Each strategy owns
 * its settings and their defaults, what it makes of {@code <updateStrategy>}, its checks, its part
 * of the chart's values and its branch of NOTES.txt ({@link NotesTemplate}).
 */
public abstract sealed class Strategy permits Rolling, Ramped, Canary, BlueGreen, Recreate {

    /** Every strategy a chart can deliver, in the order the chart's documentation lists them. */
    public static final List<String> NAMES =
            List.of(Rolling.NAME, Canary.NAME, BlueGreen.NAME, Recreate.NAME, Ramped.NAME);

    Strategy() {}

    /** The strategy named {@code name} with its settings from {@code raw}; empty for a name no strategy has. */
    static Optional<Strategy> named(String name, RawConfiguration raw, Workload workload) {
        return Optional.ofNullable(
                switch (name) {
                    case Rolling.NAME -> new Rolling();
                    case Canary.NAME -> new Canary(raw);
                    case BlueGreen.NAME -> new BlueGreen(raw, workload);
                    case Recreate.NAME -> new Recreate(raw);
                    case Ramped.NAME -> new Ramped();
                    default -> null;
                });
    }

    /** As {@code <strategy>} spells it, e.g. {@code canary}. */
    public abstract String name();

    /** {@code <updateStrategy>} with the defaults this strategy gives it: what the generic checks and the values see. */
    UpdateSettings read(UpdateSettings given) {
        return given;
    }

    /** The update type when {@code <updateStrategy><type>} leaves it to the strategy. */
    UpdateStrategyType updateType() {
        return UpdateStrategyType.ROLLING_UPDATE;
    }

    /** {@code <minReadySeconds>} when the configuration gives none. */
    int defaultMinReadySeconds() {
        return 0;
    }

    /** What this strategy refuses of {@code <updateStrategy>} as written, and its own settings. */
    abstract void check(UpdateSettings given, Workload workload, Problems problems);
}
