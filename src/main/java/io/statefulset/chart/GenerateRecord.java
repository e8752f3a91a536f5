package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code generate}'s last successful run wrote, keyed by the configuration as written (the
 * parameters, the project, the template and config files, the plugin build). Looked up before the
 * configuration is resolved: an unchanged re-run loads no model, YAML, schema or Helm class, and
 * costs a few hashes. The chart directory must still be exactly what that run wrote.
 */
public final class GenerateRecord {
    /** The chart a run wrote ({@code name version}), where, and the warnings its configuration gave. */
    public record Run(Path chartDirectory, String chart, List<String> warnings) {
        public Run {
            warnings = List.copyOf(warnings);
        }
    }

    private final UpToDate record;

    /** @param execution the Maven execution: two executions of one project write two charts */
    public GenerateRecord(Path stateDirectory, String execution) {
        this.record =
                new UpToDate(stateDirectory, "generate-configuration", execution.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** The last run with these inputs, if its chart directory is untouched since. */
    public Optional<Run> unchanged(String inputs) throws IOException {
        Optional<List<String>> lines = record.recorded(inputs);
        if (lines.isEmpty() || lines.get().size() < 3) {
            return Optional.empty();
        }
        Path chartDirectory = Path.of(lines.get().get(0));
        if (!Fingerprint.ofDirectory(chartDirectory)
                .equals(Optional.of(lines.get().get(2)))) {
            return Optional.empty();
        }
        List<String> all = lines.get();
        return Optional.of(new Run(chartDirectory, all.get(1), all.subList(3, all.size())));
    }

    public void remember(String inputs, Run run) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(run.chartDirectory().toString());
        lines.add(run.chart());
        lines.add(Fingerprint.ofDirectory(run.chartDirectory()).orElseThrow());
        lines.addAll(run.warnings());
        record.remember(inputs, lines);
    }

    public void forget() throws IOException {
        record.forget();
    }
}
