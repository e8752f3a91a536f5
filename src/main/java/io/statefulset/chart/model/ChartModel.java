package io.statefulset.chart.model;

import io.statefulset.chart.ConfigProblem;
import java.util.List;

/**
 * The chart configuration resolved: every default applied, every closed vocabulary an enum, one
 * typed section per part of the configuration. Only {@link #resolve} makes one, and only for a
 * configuration without errors. Each section owns its defaults, its checks and its part of the
 * chart's values (and so of values.schema.json and the chart README).
 */
public record ChartModel(
        ChartInfo chart,
        Image image,
        Workload workload,
        Rollout rollout,
        Network network,
        Persistence persistence,
        Environment environment,
        Scheduling scheduling,
        Security security,
        Probes probes,
        ExtraContainers containers,
        ConfigFiles configFiles,
        NetworkPolicy networkPolicy,
        Metrics metrics,
        Hooks hooks) {

    /**
     * Resolves {@code raw}, with defaults from {@code project}, reporting every problem at once in
     * the order of the sections. The one input read from disk is {@code <configFiles><directory>};
     * a read that fails for another reason than the configuration is an {@link
     * java.io.UncheckedIOException}.
     */
    public static Resolution resolve(RawConfiguration raw, ProjectInfo project) {
        Problems problems = new Problems();
        ChartInfo chart = ChartInfo.resolve(raw.chart(), project, problems);
        Image image = Image.resolve(raw, chart, problems);
        Workload workload = Workload.resolve(raw, problems);
        Rollout rollout = Rollout.resolve(raw, workload, problems);
        Network network = Network.resolve(raw, problems);
        Persistence persistence = Persistence.resolve(raw, problems);
        Environment environment = Environment.resolve(raw, problems);
        Scheduling scheduling = Scheduling.resolve(raw, problems);
        Security security = Security.resolve(raw, problems);
        Probes probes = Probes.resolve(raw, network, problems);
        ExtraContainers containers = ExtraContainers.resolve(raw, chart, network, problems);
        ConfigFiles configFiles = ConfigFiles.resolve(raw, persistence, problems);
        NetworkPolicy networkPolicy = NetworkPolicy.resolve(raw);
        Metrics metrics = Metrics.resolve(raw, network, containers, problems);
        Hooks hooks = Hooks.resolve(raw, network, probes, problems);
        return new Resolution(
                new ChartModel(
                        chart,
                        image,
                        workload,
                        rollout,
                        network,
                        persistence,
                        environment,
                        scheduling,
                        security,
                        probes,
                        containers,
                        configFiles,
                        networkPolicy,
                        metrics,
                        hooks),
                problems.all());
    }

    /** The outcome of {@link #resolve}: the problems found and, when none is an error, the model. */
    public static final class Resolution {
        private final ChartModel model;
        private final List<ConfigProblem> problems;

        private Resolution(ChartModel model, List<ConfigProblem> problems) {
            this.model = model;
            this.problems = problems;
        }

        /** Errors and warnings in the order the sections found them. */
        public List<ConfigProblem> problems() {
            return problems;
        }

        public List<ConfigProblem> errors() {
            return problems.stream().filter(ConfigProblem::isError).toList();
        }

        public List<ConfigProblem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }

        /** The model of a configuration without errors; a configuration with errors has none. */
        public ChartModel model() {
            if (!errors().isEmpty()) {
                throw new IllegalStateException("The configuration has errors, so it has no model: " + errors());
            }
            return model;
        }
    }
}
