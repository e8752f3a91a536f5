package io.statefulset.chart;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration has errors; nothing was written. */
public class InvalidChartSpecException extends Exception {
    private final List<ConfigProblem> problems;

    public InvalidChartSpecException(List<ConfigProblem> problems) {
        super(problems.size() + " configuration error(s):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
