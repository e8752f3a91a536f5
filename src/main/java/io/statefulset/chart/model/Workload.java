package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.KubernetesSyntax.quantity;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.PodManagementPolicy;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The StatefulSet and its pod template as a whole: replicas, pod management, revision history,
 * grace period, pod labels and annotations, and the application container's resources.
 */
public final class Workload {
    static final int DEFAULT_REPLICAS = 1;
    static final PodManagementPolicy DEFAULT_POD_MANAGEMENT_POLICY = PodManagementPolicy.ORDERED_READY;
    static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;
    static final int DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

    /**
     * Pod labels the chart sets itself: the two selector labels and the version. The chart's
     * validation template refuses the same keys at install time.
     */
    public static final List<String> RESERVED_POD_LABELS =
            List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version");

    private final int replicas;
    private final PodManagementPolicy podManagementPolicy;
    /** Whether the configuration itself asks for OrderedReady: only then do its warnings apply. */
    private final boolean orderedReady;

    private final int revisionHistoryLimit;
    private final int terminationGracePeriodSeconds;
    private final SortedMap<String, String> podAnnotations;
    private final SortedMap<String, String> podLabels;
    private final SortedMap<String, String> requests;
    private final SortedMap<String, String> limits;

    private Workload(RawConfiguration raw, Problems problems) {
        replicas = or(raw.replicas(), DEFAULT_REPLICAS);
        if (replicas < 0) {
            problems.error("<replicas>", String.valueOf(replicas), "must be 0 or more");
        }
        var policy = problems.oneOf(
                "<podManagementPolicy>",
                or(raw.podManagementPolicy(), DEFAULT_POD_MANAGEMENT_POLICY.value()),
                PodManagementPolicy.class);
        podManagementPolicy = policy.orElse(DEFAULT_POD_MANAGEMENT_POLICY);
        orderedReady = policy.filter(PodManagementPolicy.ORDERED_READY::equals).isPresent();
        revisionHistoryLimit = or(raw.revisionHistoryLimit(), DEFAULT_REVISION_HISTORY_LIMIT);
        problems.nonNegative("<revisionHistoryLimit>", revisionHistoryLimit);
        terminationGracePeriodSeconds =
                or(raw.terminationGracePeriodSeconds(), DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS);
        problems.nonNegative("<terminationGracePeriodSeconds>", terminationGracePeriodSeconds);
        if (terminationGracePeriodSeconds == 0) {
            problems.warning(
                    "<terminationGracePeriodSeconds>",
                    "0",
                    "kills pods without a chance to flush their data; StatefulSet pods should shut down gracefully, keep the default 30");
        }
        podAnnotations = Given.sorted(raw.podAnnotations());
        podLabels = Given.sorted(raw.podLabels());
        problems.metadata("<podAnnotations>", podAnnotations, false);
        problems.metadata("<podLabels>", podLabels, true);
        for (String key : podLabels.keySet()) {
            if (RESERVED_POD_LABELS.contains(key)) {
                problems.error(
                        "<podLabels><property name=\"" + key + "\">",
                        key,
                        "is a label the chart sets itself; choose another key");
            }
        }
        requests = Given.sorted(of(raw.resources(), RawConfiguration.Resources::requests));
        limits = Given.sorted(of(raw.resources(), RawConfiguration.Resources::limits));
        checkResources(problems);
    }

    static Workload resolve(RawConfiguration raw, Problems problems) {
        return new Workload(raw, problems);
    }

    private void checkResources(Problems problems) {
        for (ResourceName resource : List.of(ResourceName.CPU, ResourceName.MEMORY)) {
            String name = resource.value();
            if (!requests.containsKey(name) || !limits.containsKey(name)) {
                problems.warning(
                        "<resources>",
                        null,
                        "has no " + name + " request and limit; set both so the scheduler reserves room for every pod"
                                + " and one pod cannot starve the others, e.g. <requests><" + name + ">"
                                + (resource == ResourceName.CPU ? "100m" : "128Mi")
                                + "</" + name + "></requests>");
            }
        }
        checkQuantities("<resources>", requests, limits, Map.of(), problems);
    }

    /**
     * The requests and limits of a container's {@code element} ({@code <resources>} or one of
     * another container): known resources, Kubernetes quantities, no request above its limit, where
     * a limit not given is the one of {@code defaultLimits}.
     */
    static void checkQuantities(
            String element,
            Map<String, String> requests,
            Map<String, String> limits,
            Map<String, String> defaultLimits,
            Problems problems) {
        quantities(element + "<requests>", requests, problems);
        quantities(element + "<limits>", limits, problems);
        requests.forEach((name, request) -> {
            boolean given = limits.containsKey(name);
            String limit = given ? limits.get(name) : defaultLimits.get(name);
            var r = quantity(request);
            var l = quantity(limit);
            if (r.isPresent() && l.isPresent() && r.get().compareTo(l.get()) > 0) {
                String pom = Vocabulary.parse(ResourceName.class, name)
                        .map(ResourceName::element)
                        .orElse(name);
                problems.error(
                        element + "<requests><" + pom + ">",
                        request,
                        "is more than " + element + "<limits><" + pom + "> (" + limit
                                + (given ? "" : ", the default") + "); the API server rejects a request above its limit"
                                + (given ? "" : ", so give a limit too"));
            }
        });
    }

    private static void quantities(String element, Map<String, String> values, Problems problems) {
        values.forEach((name, value) -> {
            var resource = Vocabulary.parse(ResourceName.class, name);
            String at = element + "<" + resource.map(ResourceName::element).orElse(name) + ">";
            if (resource.isEmpty()) {
                problems.error(at, value, "is not a resource this chart sets; use cpu, memory or ephemeralStorage");
            } else if (quantity(value).map(BigDecimal::signum).orElse(-1) < 0) {
                problems.error(
                        at,
                        value,
                        "is not a Kubernetes quantity; use e.g. 100m or 0.5 for cpu, 128Mi or 1Gi for memory");
            }
        });
    }

    /** {@code replicaCount}, {@code podManagementPolicy}, revisions, grace period, pod metadata, resources, the PDB. */
    void values(Builder values) {
        values.leaf(
                        "replicaCount",
                        "Number of pods; each gets its own ordinal, DNS name and claims",
                        replicas,
                        integer(0))
                .leaf(
                        "podManagementPolicy",
                        "OrderedReady starts and stops pods one at a time in ordinal order; Parallel does not wait (immutable after install)",
                        podManagementPolicy.value(),
                        enumOf(Vocabulary.values(PodManagementPolicy.class)))
                .leaf(
                        "revisionHistoryLimit",
                        "Controller revisions kept for rollback",
                        revisionHistoryLimit,
                        integer(0))
                .leaf(
                        "terminationGracePeriodSeconds",
                        "Seconds a pod gets between SIGTERM and SIGKILL to flush its data",
                        terminationGracePeriodSeconds,
                        integer(0))
                .leaf("podAnnotations", "Annotations added to every pod", podAnnotations, mapOf(ValueSchemas.SCALAR))
                .leaf(
                        "podLabels",
                        "Labels added to every pod (never to the selector)",
                        podLabels,
                        mapOf(ValueSchemas.SCALAR))
                .leaf(
                        "resources",
                        "CPU and memory requests and limits of the application container",
                        ValueSchemas.resources(requests, limits),
                        ValueSchemas.resourcesSchema())
                .section(
                        "podDisruptionBudget",
                        "Limits voluntary evictions (drains) when there is more than one replica",
                        pdb -> pdb.leaf("enabled", "Create a PodDisruptionBudget when replicaCount > 1", true, bool())
                                .leaf(
                                        "maxUnavailable",
                                        "Pods that may be evicted at once, a number or a percentage",
                                        1,
                                        anyOf(integer(1), string(ValueSchemas.PERCENT))));
    }

    public int replicas() {
        return replicas;
    }

    public PodManagementPolicy podManagementPolicy() {
        return podManagementPolicy;
    }

    /** Whether the configuration asks for OrderedReady, whose one-pod-at-a-time order some settings contradict. */
    boolean orderedReady() {
        return orderedReady;
    }

    public int revisionHistoryLimit() {
        return revisionHistoryLimit;
    }

    public int terminationGracePeriodSeconds() {
        return terminationGracePeriodSeconds;
    }

    public SortedMap<String, String> podAnnotations() {
        return podAnnotations;
    }

    public SortedMap<String, String> podLabels() {
        return podLabels;
    }

    /** Requests by Kubernetes resource name. */
    public SortedMap<String, String> requests() {
        return requests;
    }

    /** Limits by Kubernetes resource name. */
    public SortedMap<String, String> limits() {
        return limits;
    }
}
