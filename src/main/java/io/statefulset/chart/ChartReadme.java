package io.statefulset.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulset.chart.model.ChartInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The generated chart's README.md: what it deploys, how to install it, and the values table. */
final class ChartReadme {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartReadme() {}

    static String render(ChartInfo chart, ValuesTree.Section values) {
        String name = chart.name();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(name).append("\n\n");
        md.append(chart.description()).append("\n\n");
        md.append("Chart version ")
                .append(code(chart.version()))
                .append(", app version ")
                .append(code(chart.appVersion()))
                .append(".\n\n");
        md.append("The chart runs the application as a StatefulSet: every pod keeps its ordinal, its DNS name ")
                .append(
                        "`<pod>.<fullname>-headless` and its own PersistentVolumeClaims across restarts, reinstalls and scaling.\n\n");
        md.append("## Install\n\n```shell\nhelm install my-release ./")
                .append(name)
                .append("\nhelm test my-release\n```\n\n");
        md.append(
                        "PVCs outlive `helm uninstall` unless `persistentVolumeClaimRetentionPolicy.whenDeleted` is `Delete`. ")
                .append(
                        "`podManagementPolicy`, the selector and everything under `persistence.claims` cannot change in a `helm upgrade`: ")
                .append("the API server refuses updates to those StatefulSet fields.\n\n");
        md.append("## Values\n\n| Key | Type | Default | Description |\n|---|---|---|---|\n");
        for (String[] row : rows(values, "")) {
            md.append("| ")
                    .append(code(row[0]))
                    .append(" | ")
                    .append(row[1])
                    .append(" | ")
                    .append(code(row[2]))
                    .append(" | ")
                    .append(escape(row[3]))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static List<String[]> rows(ValuesTree.Section section, String prefix) {
        List<String[]> rows = new ArrayList<>();
        for (ValuesTree.Entry entry : section.entries()) {
            String key = prefix + entry.key();
            if (entry instanceof ValuesTree.Section child) {
                if (child.entrySchema() != null && child.entries().isEmpty()) {
                    rows.add(new String[] {key, "object", "{}", child.description()});
                }
                rows.addAll(rows(child, key + "."));
            } else {
                ValuesTree.Leaf leaf = (ValuesTree.Leaf) entry;
                rows.add(new String[] {key, type(leaf.schema()), json(leaf.value()), leaf.description()});
            }
        }
        return rows;
    }

    private static String type(Map<String, Object> schema) {
        if (schema.get("anyOf") instanceof List<?> alternatives) {
            List<String> types = new ArrayList<>();
            for (Object alternative : alternatives) {
                Object type = ((Map<?, ?>) alternative).get("type");
                types.add(type == null ? "\"\"" : type.toString());
            }
            return String.join(" or ", types);
        }
        Object type = schema.get("type");
        return type instanceof List<?> list
                ? String.join(" or ", list.stream().map(Object::toString).toList())
                : String.valueOf(type);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code span that stays inside its table cell: no backticks, pipes escaped, one line. */
    private static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|").replace("\n", "\\n") + "`";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|");
    }
}
