package io.statefulset.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Writes validation reports as JSON (one object per finding) and as SARIF 2.1.0 for code scanning. */
public final class ReportWriter {
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/statefulset/statefulset-maven-plugin#validate";

    /** Where a finding sits in the sources: a path relative to the project root and a 1-based line. */
    public record Location(String uri, int line) {}

    private ReportWriter() {}

    public static String json(ValidationReport report) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ruleId", f.ruleId());
            o.put("severity", f.severity().label());
            o.put("kind", f.kind());
            o.put("name", f.name());
            o.put("path", f.path());
            o.put("message", f.message());
            o.put("fix", f.fix());
            o.put("source", f.source());
            o.put("variant", f.variant());
            findings.add(o);
        }
        return write(findings);
    }

    /** SARIF 2.1.0: the rule catalogue as the tool's rules, each finding a result located by {@code locate}. */
    public static String sarif(
            ValidationReport report, String toolVersion, Function<Finding, Optional<Location>> locate) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            rules.add(map(
                    "id", rule.id(),
                    "shortDescription", map("text", rule.rationale()),
                    "help", map("text", rule.fix()),
                    "defaultConfiguration", map("level", rule.defaultSeverity().sarifLevel()),
                    "properties", map("family", rule.family().title())));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> result = map(
                    "ruleId", f.ruleId(),
                    "ruleIndex", Rules.all().indexOf(Rules.byId(f.ruleId()).orElseThrow()),
                    "level", f.severity().sarifLevel(),
                    "message",
                            map(
                                    "text",
                                    f.object() + " "
                                            + (f.path() == null || f.path().isEmpty() ? "" : f.path() + ": ")
                                            + f.message() + " Fix: " + f.fix()));
            locate.apply(f)
                    .ifPresent(l -> result.put(
                            "locations",
                            List.of(map(
                                    "physicalLocation",
                                    map(
                                            "artifactLocation", map("uri", l.uri(), "uriBaseId", "%SRCROOT%"),
                                            "region", map("startLine", l.line()))))));
            if (f.variant() != null) {
                result.put("properties", map("variant", f.variant()));
            }
            results.add(result);
        }
        Map<String, Object> driver = map(
                "name",
                "statefulset-maven-plugin",
                "version",
                toolVersion,
                "informationUri",
                INFORMATION_URI,
                "rules",
                rules);
        return write(map(
                "$schema",
                SARIF_SCHEMA,
                "version",
                "2.1.0",
                "runs",
                List.of(map("tool", map("driver", driver), "results", results))));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String write(Object tree) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return new ObjectMapper().writer(printer).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
