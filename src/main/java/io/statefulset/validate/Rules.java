package io.statefulset.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rule catalogue: every rule of every family, in the order they are documented. */
public final class Rules {
    private static final List<Rule> ALL = collect();
    private static final Map<String, Rule> BY_ID =
            ALL.stream().collect(Collectors.toMap(Rule::id, Function.identity()));

    private Rules() {}

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static List<Rule> collect() {
        List<Rule> rules = new ArrayList<>();
        rules.addAll(HelmRules.all());
        rules.addAll(SchemaRules.all());
        rules.addAll(StatefulSetRules.all());
        rules.addAll(HookRules.all());
        rules.addAll(PodRules.all());
        rules.addAll(UpgradeRules.all());
        return List.copyOf(rules);
    }

    /** The catalogue as a Markdown section: one table per family. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        for (Rule.Family family : Rule.Family.values()) {
            md.append("#### ").append(family.title()).append("\n\n| id | default | why | fix |\n|---|---|---|---|\n");
            for (Rule rule : ALL) {
                if (rule.family() == family) {
                    md.append("| `")
                            .append(rule.id())
                            .append("` | ")
                            .append(rule.defaultSeverity().label())
                            .append(" | ")
                            .append(cell(rule.rationale()))
                            .append(" | ")
                            .append(cell(rule.fix()))
                            .append(" |\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The catalogue as plain text lines: {@code id (severity): rationale Fix: fix}. */
    public static List<String> lines() {
        return ALL.stream()
                .map(r -> r.id() + " (" + r.defaultSeverity().label() + "): " + r.rationale() + " Fix: " + r.fix())
                .toList();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
