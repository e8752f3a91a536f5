package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a new version reaches the pods: the {@link Strategy}, the StatefulSet's {@code updateStrategy}
 * it gives, and {@code minReadySeconds}.
 */
public final class Rollout {
    /** The strategies with settings of their own, each with the elements that set them. */
    private static final List<Map.Entry<String, Function<RawConfiguration, Map<String, Object>>>> SETTINGS = List.of(
            Map.entry(Canary.NAME, Canary::settings),
            Map.entry(BlueGreen.NAME, BlueGreen::settings),
            Map.entry(Recreate.NAME, Recreate::settings));

    private final Strategy strategy;
    private final UpdateStrategy updateStrategy;
    private final int minReadySeconds;

    private Rollout(RawConfiguration raw, Workload workload, Problems problems) {
        String name = or(raw.strategy(), Rolling.NAME);
        UpdateSettings given = UpdateSettings.of(raw.updateStrategy());
        Optional<Strategy> chosen = Strategy.named(name, raw, workload);
        UpdateSettings read = chosen.map(s -> s.read(given)).orElse(given);
        UpdateStrategy.check(read, workload, problems);
        minReadySeconds = or(
                raw.minReadySeconds(),
                chosen.map(Strategy::defaultMinReadySeconds).orElse(0));
        problems.nonNegative("<minReadySeconds>", minReadySeconds);
        if (chosen.isPresent()) {
            chosen.get().check(given, workload, problems);
        } else {
            problems.error(
                    "<strategy>",
                    name,
                    RefusedStrategy.named(name)
                            .map(RefusedStrategy::why)
                            .orElse("is not a strategy; use "
                                    + String.join(", ", Strategy.NAMES.subList(0, Strategy.NAMES.size() - 1))
                                    + " or " + Strategy.NAMES.get(Strategy.NAMES.size() - 1)));
        }
        for (var settings : SETTINGS) {
            String owner = settings.getKey();
            if (!owner.equals(name)) {
                settings.getValue().apply(raw).forEach((element, value) -> {
                    // A setting of another strategy would be silently ignored.
                    if (value != null) {
                        problems.error(
                                element,
                                String.valueOf(value),
                                "only applies to <strategy>" + owner + "</strategy>; remove it or set the strategy");
                    }
                });
            }
        }
        // With no strategy of that name the configuration has an error and this model is never used.
        strategy = chosen.orElseGet(Rolling::new);
        updateStrategy = UpdateStrategy.of(read, strategy);
    }

    static Rollout resolve(RawConfiguration raw, Workload workload, Problems problems) {
        return new Rollout(raw, workload, problems);
    }

    /** {@code strategy}, each strategy's settings, {@code updateStrategy} and {@code minReadySeconds}. */
    void values(Builder values) {
        values.leaf(
                "strategy",
                "Rollout preset: rolling and ramped use updateStrategy as set; canary, blueGreen and recreate decide it themselves",
                strategy.name(),
                enumOf(Strategy.NAMES));
        Canary.values(values, strategy);
        BlueGreen.values(values, strategy);
        Recreate.values(values, strategy);
        updateStrategy.values(values);
        values.leaf(
                "minReadySeconds",
                "Seconds a new pod must be ready before it counts as available",
                minReadySeconds,
                integer(0));
    }

    public Strategy strategy() {
        return strategy;
    }

    public UpdateStrategy updateStrategy() {
        return updateStrategy;
    }

    public int minReadySeconds() {
        return minReadySeconds;
    }
}
