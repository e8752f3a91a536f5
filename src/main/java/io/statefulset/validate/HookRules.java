package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.statefulset.chart.vocabulary.HookDeletePolicy;
import io.statefulset.chart.vocabulary.HookEvent;
import io.statefulset.chart.vocabulary.Vocabulary;
import io.statefulset.validate.Manifests.Manifest;
import io.statefulset.validate.Rule.Family;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Helm hooks: the annotations Helm silently ignores when they are wrong, and names that collide. */
final class HookRules {
    private HookRules() {}

    static final String HOOK = "helm.sh/hook";
    static final String WEIGHT = "helm.sh/hook-weight";
    static final String DELETE_POLICY = "helm.sh/hook-delete-policy";

    static final Rule UNKNOWN_EVENT = rule(
            "hook-unknown-event",
            Severity.ERROR,
            "Helm silently skips a resource whose helm.sh/hook names no hook event.",
            "Use pre-/post-install, -upgrade, -rollback, -delete or test, comma-separated.",
            HookRules::unknownEvent);
    static final Rule WEIGHT_RULE = rule(
            "hook-weight",
            Severity.ERROR,
            "helm.sh/hook-weight must be an integer written as a string; anything else silently counts as 0.",
            "Write the weight as a quoted integer, e.g. \"-5\".",
            HookRules::weight);
    static final Rule DELETE_POLICY_RULE = rule(
            "hook-delete-policy",
            Severity.ERROR,
            "An unknown helm.sh/hook-delete-policy is ignored, so the hook resource is never cleaned up as intended.",
            "Use before-hook-creation, hook-succeeded and/or hook-failed.",
            HookRules::deletePolicy);
    static final Rule BARE_POD = rule(
            "hook-bare-pod",
            Severity.WARNING,
            "A bare Pod hook gets no retries, deadline or TTL; a Job does.",
            "Run the hook as a batch/v1 Job (test hooks may stay Pods).",
            HookRules::barePod);
    static final Rule NO_CLEANUP = rule(
            "hook-no-cleanup",
            Severity.WARNING,
            "Hook resources are not part of the release; without a delete policy or TTL they outlive helm uninstall.",
            "Add helm.sh/hook-delete-policy (e.g. before-hook-creation,hook-succeeded) or ttlSecondsAfterFinished.",
            HookRules::noCleanup);
    static final Rule RELEASE_SCOPED_NAME = rule(
            "release-scoped-name",
            Severity.WARNING,
            "Fixed object names collide when two releases share a namespace (\"already exists\", helm#1679).",
            "Put the release name into the name, e.g. {{ include \"<chart>.fullname\" . }}-<suffix>.",
            HookRules::releaseScopedName);

    static List<Rule> all() {
        return List.of(UNKNOWN_EVENT, WEIGHT_RULE, DELETE_POLICY_RULE, BARE_POD, NO_CLEANUP, RELEASE_SCOPED_NAME);
    }

    private static Rule rule(String id, Severity severity, String rationale, String fix, Rule.Check check) {
        return new Rule(id, Family.HOOKS, severity, rationale, fix, check);
    }

    private static void unknownEvent(Manifests m, Reporter r) {
        for (Manifest manifest : m.all()) {
            String hook = annotation(manifest.object(), HOOK);
            if (hook == null) {
                continue;
            }
            for (String event : split(hook)) {
                if (HookEvent.read(event).isEmpty()) {
                    r.report(
                            manifest.object(),
                            "metadata.annotations." + HOOK,
                            "'" + event + "' is not a Helm hook event");
                }
            }
        }
    }

    private static void weight(Manifests m, Reporter r) {
        for (Manifest manifest : m.all()) {
            String weight = annotation(manifest.object(), WEIGHT);
            // Helm parses the weight as it is: " 5" is no number to it and silently becomes 0.
            if (weight != null && !weight.matches("[-+]?[0-9]+")) {
                r.report(manifest.object(), "metadata.annotations." + WEIGHT, "'" + weight + "' is not an integer");
            }
        }
    }

    private static void deletePolicy(Manifests m, Reporter r) {
        for (Manifest manifest : m.all()) {
            String policies = annotation(manifest.object(), DELETE_POLICY);
            if (policies == null) {
                continue;
            }
            for (String policy : split(policies)) {
                if (Vocabulary.parse(HookDeletePolicy.class, policy).isEmpty()) {
                    r.report(
                            manifest.object(),
                            "metadata.annotations." + DELETE_POLICY,
                            "'" + policy + "' is not a hook delete policy");
                }
            }
        }
    }

    private static void barePod(Manifests m, Reporter r) {
        for (Pod pod : m.of(Pod.class)) {
            String hook = annotation(pod, HOOK);
            // A test hook (test, or Helm 2's test-success) may stay a Pod.
            if (hook != null && split(hook).stream().anyMatch(e -> !e.startsWith(HookEvent.TEST.value()))) {
                r.report(pod, "kind", "the hook '" + hook + "' is a bare Pod");
            }
        }
    }

    private static void noCleanup(Manifests m, Reporter r) {
        for (Manifest manifest : m.all()) {
            HasMetadata object = manifest.object();
            if (annotation(object, HOOK) == null || annotation(object, DELETE_POLICY) != null) {
                continue;
            }
            boolean ttl = object instanceof Job job
                    && job.getSpec() != null
                    && job.getSpec().getTtlSecondsAfterFinished() != null;
            if (!ttl) {
                r.report(
                        object,
                        "metadata.annotations",
                        "the hook has neither " + DELETE_POLICY + " nor a ttlSecondsAfterFinished");
            }
        }
    }

    private static void releaseScopedName(Manifests m, Reporter r) {
        String release = m.releaseName();
        if (release == null || release.isBlank()) {
            return;
        }
        for (Manifest manifest : m.all()) {
            String name = manifest.name();
            if (name != null && !name.contains(release)) {
                r.report(
                        manifest.object(),
                        "metadata.name",
                        "the name '" + name + "' does not contain the release name '" + release + "'");
            }
        }
    }

    static String annotation(HasMetadata object, String key) {
        Map<String, String> annotations =
                object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    /** Comma-separated hook events or delete policies, trimmed and lower-cased as Helm reads them. */
    private static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(e -> e.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .toList();
    }
}
