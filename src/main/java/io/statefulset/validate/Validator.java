package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.statefulset.validate.Manifests.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the rule catalogue over manifests and turns what it finds into configured findings. */
public final class Validator {
    private final ValidationConfig config;

    public Validator(ValidationConfig config) {
        this.config = config;
    }

    public ValidationConfig config() {
        return config;
    }

    /** Findings of every rule for one rendered variant, sorted by object, then rule and path. */
    public List<Finding> check(Manifests manifests, String variant) {
        List<Finding> findings = new ArrayList<>();
        for (Problem problem : manifests.problems()) {
            Rule rule = Rules.byId(problem.ruleId()).orElseThrow();
            Severity severity = config.severity(rule);
            if (severity != Severity.OFF
                    && !manifests.skippedRules(problem.document()).contains(rule.id())) {
                findings.add(new Finding(
                        rule.id(),
                        severity,
                        problem.kind(),
                        problem.name(),
                        problem.path(),
                        problem.message(),
                        rule.fix(),
                        problem.source(),
                        variant));
            }
        }
        for (Rule rule : Rules.all()) {
            Severity severity = config.severity(rule);
            if (rule.check() == null || severity == Severity.OFF) {
                continue;
            }
            RuleReporter reporter = new RuleReporter(rule, severity, manifests, variant);
            rule.check().run(manifests, reporter);
            findings.addAll(reporter.findings());
        }
        findings.sort(ORDER);
        return findings;
    }

    /** A finding of {@code rule} produced outside the rule checks (Helm, upgrade), or null if the rule is off. */
    public Finding finding(
            Rule rule, HasMetadata object, String path, String message, String fix, String source, String variant) {
        Severity severity = config.severity(rule);
        if (severity == Severity.OFF || skipped(object, rule)) {
            return null;
        }
        return new Finding(
                rule.id(),
                severity,
                object == null ? null : object.getKind(),
                object == null || object.getMetadata() == null
                        ? null
                        : object.getMetadata().getName(),
                path,
                message,
                fix == null ? rule.fix() : fix,
                source,
                variant);
    }

    static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> nullLast(f.variant()))
            .thenComparing(f -> nullLast(f.kind()))
            .thenComparing(f -> nullLast(f.name()))
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> nullLast(f.path()));

    private static String nullLast(String s) {
        return s == null ? "\uffff" : s;
    }

    static boolean skipped(HasMetadata object, Rule rule) {
        Map<String, String> annotations = object == null || object.getMetadata() == null
                ? null
                : object.getMetadata().getAnnotations();
        String skip = annotations == null ? null : annotations.get(ValidationConfig.SKIP_ANNOTATION);
        if (skip == null) {
            return false;
        }
        Set<String> ids = Arrays.stream(skip.split(",")).map(String::trim).collect(Collectors.toSet());
        return ids.contains(rule.id());
    }

    /** Collects one rule's findings, dropping those the object opted out of. */
    private static final class RuleReporter implements Reporter {
        private final Rule rule;
        private final Severity severity;
        private final Manifests manifests;
        private final String variant;
        private final List<Finding> findings = new ArrayList<>();

        RuleReporter(Rule rule, Severity severity, Manifests manifests, String variant) {
            this.rule = rule;
            this.severity = severity;
            this.manifests = manifests;
            this.variant = variant;
        }

        @Override
        public void report(HasMetadata object, String path, String message) {
            report(object, path, message, rule.fix());
        }

        @Override
        public void report(HasMetadata object, String path, String message, String fix) {
            if (skipped(object, rule)) {
                return;
            }
            findings.add(new Finding(
                    rule.id(),
                    severity,
                    object.getKind(),
                    object.getMetadata() == null ? null : object.getMetadata().getName(),
                    path,
                    message,
                    fix,
                    manifests.sourceOf(object),
                    variant));
        }

        @Override
        public void reportGlobal(String message) {
            findings.add(new Finding(rule.id(), severity, null, null, "", message, rule.fix(), null, variant));
        }

        @Override
        public List<Finding> findings() {
            return findings;
        }
    }
}
