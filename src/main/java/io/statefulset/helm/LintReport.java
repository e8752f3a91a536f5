package io.statefulset.helm;

import java.util.List;

/** What {@code helm lint} said about a chart: messages such as {@code [WARNING] templates/x.yaml: ...}. */
public record LintReport(List<String> messages, boolean failed) {
    public LintReport {
        messages = List.copyOf(messages);
    }

    /** Messages above INFO (warnings and errors): any of them makes a generated chart unfit. */
    public List<String> aboveInfo() {
        return messages.stream().filter(m -> !m.startsWith("[INFO]")).toList();
    }
}
