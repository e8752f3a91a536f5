package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Turns a chart configuration into a chart directory: defaults, validation, files, atomic write. */
public final class ChartGenerator {

    /** What was written, and the warnings the configuration produced. */
    public record Result(Path chartDirectory, ChartSpec spec, List<ConfigProblem> warnings) {}

    private ChartGenerator() {}

    /**
     * Writes the chart for {@code config} to {@code outputDirectory/<chart name>}. Nothing is written
     * if the configuration has errors or {@code check} rejects the chart; the previous chart stays.
     */
    public static Result generate(
            ChartSpec config,
            ProjectInfo project,
            Map<String, byte[]> userTemplates,
            Path outputDirectory,
            ChartCheck check)
            throws InvalidChartSpecException, ChartRejectedException, IOException {
        ChartSpec spec = resolve(config, project);
        List<ConfigProblem> problems = ChartSpecValidator.validate(spec);
        for (String template : userTemplates.keySet()) {
            if (ChartFiles.BUNDLED.contains("templates/" + template)) {
                problems = append(
                        problems,
                        new ConfigProblem(
                                ConfigProblem.Severity.ERROR,
                                "<templatesDirectory>",
                                template,
                                "has the name of a bundled template and would replace it; rename your template"));
            }
        }
        List<ConfigProblem> errors =
                problems.stream().filter(ConfigProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidChartSpecException(errors);
        }
        SortedMap<String, byte[]> files = ChartFiles.render(spec, userTemplates);
        Path chartDirectory = outputDirectory.resolve(spec.chart().name());
        ChartWriter.write(chartDirectory, files, check);
        return new Result(
                chartDirectory,
                spec,
                problems.stream().filter(p -> !p.isError()).toList());
    }

    /** The configuration with every default applied (exposed for tests and other goals). */
    public static ChartSpec resolve(ChartSpec config, ProjectInfo project) {
        return ChartDefaults.apply(config, project);
    }

    private static List<ConfigProblem> append(List<ConfigProblem> list, ConfigProblem problem) {
        var copy = new java.util.ArrayList<>(list);
        copy.add(problem);
        return copy;
    }
}
