package io.statefulset.chart;

import io.statefulset.chart.model.ChartModel;
import io.statefulset.chart.model.ProjectInfo;
import io.statefulset.chart.model.RawConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Turns a chart configuration into a chart directory: the resolved model, files, atomic write. */
public final class ChartGenerator {

    /**
     * What was written, and the warnings the configuration produced; {@code upToDate} when nothing
     * needed writing because the chart directory already is what the configuration gives.
     */
    public record Result(Path chartDirectory, ChartModel model, List<ConfigProblem> warnings, boolean upToDate) {}

    private ChartGenerator() {}

    /**
     * Writes the chart for {@code config} to {@code outputDirectory/<chart name>}. Nothing is written
     * if the configuration has errors or {@code check} rejects the chart; the previous chart stays.
     */
    public static Result generate(
            RawConfiguration config,
            ProjectInfo project,
            Map<String, byte[]> userTemplates,
            Path outputDirectory,
            ChartCheck check)
            throws InvalidChartSpecException, ChartRejectedException, IOException {
        return generate(config, project, userTemplates, outputDirectory, check, null);
    }

    /**
     * As above; with a {@code state} directory, the write and the check are skipped when the files
     * the configuration gives are what the last successful run wrote and the chart directory still
     * holds exactly those files.
     */
    public static Result generate(
            RawConfiguration config,
            ProjectInfo project,
            Map<String, byte[]> userTemplates,
            Path outputDirectory,
            ChartCheck check,
            Path state)
            throws InvalidChartSpecException, ChartRejectedException, IOException {
        ChartModel.Resolution resolution;
        try {
            resolution = ChartModel.resolve(config, project);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<ConfigProblem> problems = new ArrayList<>(resolution.problems());
        for (String template : userTemplates.keySet()) {
            if (ChartFiles.isChartsOwn("templates/" + template)) {
                problems.add(new ConfigProblem(
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
        List<ConfigProblem> warnings =
                problems.stream().filter(p -> !p.isError()).toList();
        ChartModel model = resolution.model();
        SortedMap<String, byte[]> files = ChartFiles.render(model, userTemplates);
        Path chartDirectory = outputDirectory.resolve(model.chart().name()).toAbsolutePath();

        Fingerprint inputs = Fingerprint.start();
        files.forEach(inputs::add);
        String inputsHash = inputs.hex();
        UpToDate upToDate = state == null
                ? null
                : new UpToDate(state, "generate", model.chart().name());
        if (upToDate != null && upToDate.isCurrent(inputsHash, Fingerprint.ofDirectory(chartDirectory))) {
            return new Result(chartDirectory, model, warnings, true);
        }
        if (upToDate != null) {
            upToDate.forget();
        }
        ChartWriter.write(chartDirectory, files, check);
        if (upToDate != null) {
            upToDate.remember(
                    inputsHash, Fingerprint.ofDirectory(chartDirectory).orElseThrow());
        }
        return new Result(chartDirectory, model, warnings, false);
    }
}
