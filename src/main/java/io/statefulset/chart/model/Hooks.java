package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.HookDeletePolicy;
import io.statefulset.chart.vocabulary.HookEvent;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What Helm runs around a release: the hook Jobs of {@code <hooks>}, and the {@code helm test} Pod
 * that requests the application through its Service ({@code <connectionTest>}).
 */
public final class Hooks {
    /** An image with wget, for the connection test. */
    static final String DEFAULT_TEST_IMAGE = "busybox:1.36";

    private final List<Hook> hooks;
    private final boolean connectionTest;
    private final String connectionTestImage;
    private final String connectionTestPath;

    private Hooks(RawConfiguration raw, Network network, Probes probes, Problems problems) {
        List<? extends RawConfiguration.Hook> given = Given.list(raw.hooks());
        List<Hook> resolved = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            resolved.add(Hook.resolve(given.get(i), i, names, problems));
        }
        hooks = List.copyOf(resolved);
        // A connection test needs a port to connect to.
        connectionTest = or(raw.connectionTest(), !network.ports().isEmpty());
        connectionTestImage = or(raw.connectionTestImage(), DEFAULT_TEST_IMAGE);
        // The readiness path is safe to call; "/" may change state (the sample app counts a visit).
        connectionTestPath = probes.readiness().flatMap(Probe::path).orElse("/");
        if (connectionTest && network.ports().isEmpty()) {
            problems.error(
                    "<connectionTest>",
                    "true",
                    "needs a declared port to connect to; declare one in <ports> or set <connectionTest>false</connectionTest>");
        }
        if (connectionTest && blank(connectionTestImage)) {
            problems.error(
                    "<connectionTestImage>",
                    connectionTestImage,
                    "is required when <connectionTest> is true, e.g. " + DEFAULT_TEST_IMAGE);
        }
    }

    static Hooks resolve(RawConfiguration raw, Network network, Probes probes, Problems problems) {
        return new Hooks(raw, network, probes, problems);
    }

    /** {@code hooks} by name and {@code tests}. */
    void values(Builder values) {
        Map<String, Consumer<Builder>> named = new TreeMap<>();
        hooks.forEach(hook -> named.put(hook.name(), b -> hook(b, hook)));
        Hook prototype = Hook.prototype("hook", HookEvent.PRE_INSTALL, DEFAULT_TEST_IMAGE);
        values.namedSections(
                        "hooks",
                        "Helm hooks by name, each run as a Job named <fullname>-<hook>",
                        ValueSchemas.DNS_LABEL,
                        List.of("events", "image"),
                        b -> hook(b, prototype),
                        named)
                .section(
                        "tests",
                        "Pods run by `helm test`",
                        tests -> tests.section(
                                "connection",
                                "Checks that the application answers HTTP through its Service",
                                connection -> connection
                                        .leaf("enabled", "Create the connection test", connectionTest, bool())
                                        .leaf("image", "Image with wget", connectionTestImage, string())
                                        .leaf(
                                                "path",
                                                "HTTP path requested; one that does not change state",
                                                connectionTestPath,
                                                string("^/"))
                                        .leaf(
                                                "resources",
                                                "Requests and limits of the test container",
                                                ValueSchemas.auxiliaryResources(),
                                                ValueSchemas.resourcesSchema())));
    }

    private static void hook(Builder b, Hook hook) {
        b.leaf("enabled", "Create this hook's Job", true, bool())
                .leaf(
                        "events",
                        "Helm hook events that run the Job",
                        hook.events().stream().map(HookEvent::value).toList(),
                        schema("type", "array", "minItems", 1, "items", enumOf(Vocabulary.values(HookEvent.class))))
                .leaf("weight", "Hooks run in ascending weight", hook.weight(), schema("type", "integer"))
                .leaf(
                        "deletePolicies",
                        "When Helm deletes the Job",
                        hook.deletePolicies().stream()
                                .map(HookDeletePolicy::value)
                                .toList(),
                        schema(
                                "type",
                                "array",
                                "minItems",
                                1,
                                "items",
                                enumOf(Vocabulary.values(HookDeletePolicy.class))))
                .leaf("image", "Image the Job runs", hook.image(), string("^\\S+$"))
                .leaf("command", "Entrypoint of the Job's container", hook.command(), array(string()))
                .leaf("args", "Arguments of the Job's container", hook.args(), array(string()))
                .leaf(
                        "backoffLimit",
                        "Retries before the hook (and the release) fails",
                        hook.backoffLimit(),
                        integer(0))
                .leaf(
                        "activeDeadlineSeconds",
                        "Seconds after which a running hook is stopped and fails",
                        hook.activeDeadlineSeconds(),
                        integer(1))
                .leaf(
                        "ttlSecondsAfterFinished",
                        "Seconds after which Kubernetes deletes the finished Job; empty to leave it to the delete policies",
                        hook.ttlSecondsAfterFinished().map(ttl -> (Object) ttl).orElse(""),
                        anyOf(integer(0), schema("const", "")))
                .leaf(
                        "resources",
                        "Requests and limits of the Job's container",
                        ValueSchemas.auxiliaryResources(),
                        ValueSchemas.resourcesSchema());
    }

    public List<Hook> hooks() {
        return hooks;
    }

    /** Whether {@code helm test} gets a Pod that requests the application. */
    public boolean connectionTest() {
        return connectionTest;
    }

    public String connectionTestImage() {
        return connectionTestImage;
    }

    /** The path the test requests: the readiness probe's, or {@code /}. */
    public String connectionTestPath() {
        return connectionTestPath;
    }
}
