package io.statefulset.chart;

import static io.statefulset.chart.JsonSchema.anyObject;
import static io.statefulset.chart.JsonSchema.anyOf;
import static io.statefulset.chart.JsonSchema.array;
import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;

import io.statefulset.chart.ChartSpec.ClaimSpec;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpec.PortSpec;
import io.statefulset.chart.ChartSpec.ProbeSpec;
import io.statefulset.chart.ChartSpec.SecretEnvSpec;
import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.ValuesTree.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the values of the generated chart from a resolved {@link ChartSpec}. The keys are the
 * chart's public interface (see DESIGN.md): every setting of the POM becomes a value the bundled
 * templates read, so it can be overridden with {@code helm install --set}.
 */
public final class ValuesModel {
    /** The scratch volume mounted at /tmp, so the root filesystem can stay read-only. */
    public static final String TMP_VOLUME = "tmp";

    static final String DNS_LABEL = "^" + KubernetesSyntax.DNS_LABEL + "$";
    static final String OPTIONAL_DNS_LABEL = "^$|" + DNS_LABEL;
    /** What --set turns into a number or boolean is still a fine label, annotation or env value. */
    static final Map<String, Object> SCALAR = schema("type", List.of("string", "number", "boolean"));

    static final String QUANTITY = KubernetesSyntax.QUANTITY;
    static final String PERCENT = "^([1-9][0-9]?|100)%$";
    static final List<String> STRATEGIES = List.of("rolling", "canary", "blueGreen", "recreate", "ramped");
    static final String ENV_NAME = "^[-._a-zA-Z][-._a-zA-Z0-9]*$";
    static final String PORT_NAME = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";
    static final String ABSOLUTE_PATH = "^/.*[^/]$";

    private ValuesModel() {}

    /** The values of the chart for {@code spec}, which must have passed {@link ChartSpecValidator}. */
    public static Section build(ChartSpec spec) {
        Builder root = new Builder();
        root.leaf(
                        "nameOverride",
                        "Replaces the chart name in object names and the app.kubernetes.io/name label",
                        "",
                        string(OPTIONAL_DNS_LABEL))
                .leaf(
                        "fullnameOverride",
                        "Replaces <release>-<chart> as the base name of every object (cut to 52 characters)",
                        "",
                        string(OPTIONAL_DNS_LABEL))
                .leaf(
                        "replicaCount",
                        "Number of pods; each gets its own ordinal, DNS name and claims",
                        spec.replicas(),
                        integer(0))
                .section(
                        "image",
                        "The application's container image",
                        image -> image.leaf(
                                        "repository",
                                        "Image repository, without tag",
                                        spec.image().repository(),
                                        string("^[^\\s:@]+(:[0-9]+)?(/[^\\s:@]+)*$"))
                                .leaf(
                                        "tag",
                                        "Image tag; empty means the chart's appVersion",
                                        spec.image().tag(),
                                        anyOf(string("^$|" + KubernetesSyntax.IMAGE_TAG), schema("type", "number")))
                                .leaf(
                                        "pullPolicy",
                                        "When the kubelet pulls the image",
                                        spec.image().pullPolicy(),
                                        enumOf(ChartSpecValidator.PULL_POLICIES)))
                .leaf(
                        "imagePullSecrets",
                        "Secrets holding registry credentials, as a list of {name: <secret>}",
                        spec.imagePullSecrets().stream()
                                .map(n -> Map.of("name", n))
                                .toList(),
                        array(schema(
                                "type", "object", "properties", Map.of("name", string()), "required", List.of("name"))))
                .leaf(
                        "podManagementPolicy",
                        "OrderedReady starts and stops pods one at a time in ordinal order; Parallel does not wait (immutable after install)",
                        spec.podManagementPolicy(),
                        enumOf(ChartSpecValidator.POD_MANAGEMENT_POLICIES))
                .leaf(
                        "strategy",
                        "Rollout preset: rolling and ramped use updateStrategy as set; canary, blueGreen and recreate decide it themselves",
                        spec.strategy().name(),
                        enumOf(STRATEGIES))
                .section(
                        "canary",
                        "Settings of strategy canary",
                        canary -> canary.leaf(
                                        "replicas",
                                        "Pods (the highest ordinals) that get a new version first; the partition is replicaCount minus this",
                                        orElse(spec.strategy().canaryReplicas(), 1),
                                        integer(1))
                                .leaf(
                                        "promote",
                                        "Roll the new version out to every pod (partition 0): helm upgrade --reuse-values --set canary.promote=true",
                                        false,
                                        bool())
                                .leaf(
                                        "service",
                                        "Add a Service <fullname>-canary-<ordinal> per canary pod, to test it directly",
                                        orElse(spec.strategy().canaryService(), true),
                                        bool()))
                .section(
                        "blueGreen",
                        "Settings of strategy blueGreen: StatefulSets <fullname>-blue and <fullname>-green",
                        blueGreen -> blueGreen
                                .leaf(
                                        "activeSlot",
                                        "The slot the client Service sends traffic to; switch with helm upgrade --reuse-values --set blueGreen.activeSlot=green",
                                        orElse(spec.strategy().activeSlot(), "blue"),
                                        enumOf(List.of("blue", "green")))
                                .leaf(
                                        "idleReplicas",
                                        "Replicas of the idle slot; 0 scales it down, empty keeps replicaCount",
                                        spec.strategy().idleSlotReplicas() == null
                                                ? ""
                                                : spec.strategy().idleSlotReplicas(),
                                        anyOf(integer(0), schema("const", "")))
                                .leaf(
                                        "previewService",
                                        "Add a Service <fullname>-preview that reaches the idle slot, to test a new version before switching",
                                        true,
                                        bool())
                                .section(
                                        "slots",
                                        "Per-slot image tags; empty means image.tag",
                                        slots -> slots.leaf(
                                                        "blue",
                                                        "Image tag of the blue slot",
                                                        "",
                                                        anyOf(
                                                                string("^$|" + KubernetesSyntax.IMAGE_TAG),
                                                                schema("type", "number")))
                                                .leaf(
                                                        "green",
                                                        "Image tag of the green slot",
                                                        "",
                                                        anyOf(
                                                                string("^$|" + KubernetesSyntax.IMAGE_TAG),
                                                                schema("type", "number")))))
                .section(
                        "recreate",
                        "Settings of strategy recreate: a post-upgrade hook deletes the pods so that all restart on the new version",
                        recreate -> recreate.leaf(
                                        "image",
                                        "Image with kubectl that deletes the pods",
                                        orElse(spec.strategy().recreateImage(), ChartDefaults.RECREATE_IMAGE),
                                        string("^\\S+$"))
                                .leaf(
                                        "resources",
                                        "Requests and limits of the hook's container",
                                        smallResources(),
                                        resourcesSchema()))
                .section(
                        "updateStrategy",
                        "How pods are replaced when the pod template changes (as set here for strategies rolling and ramped)",
                        strategy -> strategy.leaf(
                                        "type",
                                        "RollingUpdate replaces pods from the highest ordinal down; OnDelete waits until you delete them",
                                        effectiveUpdateType(spec),
                                        enumOf(ChartSpecValidator.UPDATE_STRATEGIES))
                                .section(
                                        "rollingUpdate",
                                        "Settings for RollingUpdate (ignored with OnDelete)",
                                        rolling -> rolling.leaf(
                                                        "partition",
                                                        "Only pods with an ordinal at or above this are updated (a canary when above 0)",
                                                        spec.updateStrategy().partition() == null
                                                                ? 0
                                                                : spec.updateStrategy()
                                                                        .partition(),
                                                        integer(0))
                                                .leaf(
                                                        "maxUnavailable",
                                                        "Pods that may be down at once during an update, a number or a percentage; empty for the default 1 (more than 1 needs Kubernetes 1.37+ or 1.35.0 to 1.35.3, else the MaxUnavailableStatefulSet feature gate)",
                                                        maxUnavailable(spec.updateStrategy()
                                                                .maxUnavailable()),
                                                        anyOf(integer(1), string("^$|" + PERCENT)))))
                .leaf(
                        "minReadySeconds",
                        "Seconds a new pod must be ready before it counts as available",
                        spec.minReadySeconds(),
                        integer(0))
                .leaf(
                        "revisionHistoryLimit",
                        "Controller revisions kept for rollback",
                        spec.revisionHistoryLimit(),
                        integer(0))
                .leaf(
                        "terminationGracePeriodSeconds",
                        "Seconds a pod gets between SIGTERM and SIGKILL to flush its data",
                        spec.terminationGracePeriodSeconds(),
                        integer(0))
                .leaf(
                        "ports",
                        "Container ports; the headless Service publishes all of them",
                        ports(spec.ports()),
                        array(schema(
                                "type",
                                "object",
                                "properties",
                                props(
                                        "name",
                                        string(PORT_NAME),
                                        "containerPort",
                                        integer(1, 65535),
                                        "protocol",
                                        enumOf(ChartSpecValidator.PROTOCOLS)),
                                "required",
                                List.of("name", "containerPort"),
                                "additionalProperties",
                                false)))
                .section(
                        "service",
                        "The client Service that spreads traffic over ready pods",
                        service -> service.leaf(
                                        "enabled",
                                        "Create the client Service",
                                        spec.service().enabled(),
                                        bool())
                                .leaf(
                                        "type",
                                        "Service type",
                                        spec.service().type(),
                                        enumOf(ChartSpecValidator.SERVICE_TYPES))
                                .leaf(
                                        "port",
                                        "Port the Service listens on",
                                        spec.service().port() == null
                                                ? 80
                                                : spec.service().port(),
                                        integer(1, 65535))
                                .leaf(
                                        "targetPort",
                                        "Name of the container port traffic goes to",
                                        orEmpty(spec.service().targetPort()),
                                        string())
                                .leaf(
                                        "nodePort",
                                        "Fixed node port for NodePort/LoadBalancer; 0 lets Kubernetes pick",
                                        spec.service().nodePort(),
                                        integer(0, 65535))
                                .leaf("annotations", "Annotations of the client Service", Map.of(), mapOf(SCALAR)))
                .section(
                        "headlessService",
                        "The headless Service <fullname>-headless that gives each pod a stable DNS name",
                        headless -> headless.leaf(
                                        "publishNotReadyAddresses",
                                        "Publish pod DNS records before pods are ready, so peers can find each other while starting",
                                        true,
                                        bool())
                                .leaf("annotations", "Annotations of the headless Service", Map.of(), mapOf(SCALAR)))
                .section(
                        "persistence",
                        "Per-pod storage from volumeClaimTemplates",
                        persistence -> persistence
                                .leaf(
                                        "enabled",
                                        "Give every pod its own PersistentVolumeClaims; false mounts emptyDir volumes instead (data is lost with the pod)",
                                        true,
                                        bool())
                                .namedSections(
                                        "claims",
                                        "Claim templates by name; PVCs are named <claim>-<fullname>-<ordinal> (immutable after install)",
                                        DNS_LABEL,
                                        List.of("mountPath", "size", "accessModes"),
                                        b -> claim(
                                                b,
                                                new ClaimSpec(
                                                        "data",
                                                        "/data",
                                                        ChartDefaults.CLAIM_SIZE,
                                                        List.of(ChartDefaults.ACCESS_MODE),
                                                        "")),
                                        named(spec.volumeClaimTemplates(), ClaimSpec::name, c -> b -> claim(b, c))))
                .section(
                        "persistentVolumeClaimRetentionPolicy",
                        "Whether PVCs outlive the StatefulSet (Kubernetes 1.27+)",
                        retention -> retention
                                .leaf(
                                        "whenDeleted",
                                        "What happens to PVCs when the StatefulSet is deleted (helm uninstall)",
                                        spec.persistentVolumeClaimRetentionPolicy()
                                                .whenDeleted(),
                                        enumOf(ChartSpecValidator.RETENTION_POLICIES))
                                .leaf(
                                        "whenScaled",
                                        "What happens to the PVCs of removed pods when replicas go down",
                                        spec.persistentVolumeClaimRetentionPolicy()
                                                .whenScaled(),
                                        enumOf(ChartSpecValidator.RETENTION_POLICIES)))
                .leaf(
                        "env",
                        "Environment variables by name; each value reaches the container as written ($(NAME) is not expanded)",
                        spec.env(),
                        mapOf(ENV_NAME, SCALAR))
                .leaf(
                        "secretEnv",
                        "Environment variables read from existing Secrets: name -> {secretName, key, optional}",
                        secretEnv(spec.secretEnv()),
                        mapOf(
                                ENV_NAME,
                                schema(
                                        "type",
                                        "object",
                                        "properties",
                                        props(
                                                "secretName",
                                                string("^" + KubernetesSyntax.DNS_LABEL + "(\\."
                                                        + KubernetesSyntax.DNS_LABEL + ")*$"),
                                                "key",
                                                string("^[-._a-zA-Z0-9]+$"),
                                                "optional",
                                                bool()),
                                        "required",
                                        List.of("secretName", "key"),
                                        "additionalProperties",
                                        false)))
                .leaf(
                        "expandedEnv",
                        "Environment variables by name whose $(NAME) references Kubernetes expands, to variables of env,"
                                + " secretEnv and expandedEnv entries that sort earlier; $$ gives a literal $",
                        spec.expandedEnv(),
                        mapOf(ENV_NAME, SCALAR))
                .leaf("podAnnotations", "Annotations added to every pod", spec.podAnnotations(), mapOf(SCALAR))
                .leaf("podLabels", "Labels added to every pod (never to the selector)", spec.podLabels(), mapOf(SCALAR))
                .leaf(
                        "resources",
                        "CPU and memory requests and limits of the application container",
                        resources(spec.resources().requests(), spec.resources().limits()),
                        resourcesSchema())
                .leaf(
                        "podSecurityContext",
                        "Pod security context; the default meets the Pod Security Standard 'restricted'",
                        podSecurityContext(spec.podSecurity()),
                        securityContextSchema("runAsUser", "runAsGroup", "fsGroup"))
                .leaf(
                        "containerSecurityContext",
                        "Container security context; the default meets the Pod Security Standard 'restricted'",
                        containerSecurityContext(),
                        securityContextSchema("runAsUser", "runAsGroup"))
                .section(
                        "tmpVolume",
                        "A writable emptyDir at /tmp, so the root filesystem can stay read-only",
                        tmp -> tmp.leaf("enabled", "Mount the /tmp volume", true, bool())
                                .leaf("sizeLimit", "Upper bound of the /tmp volume", "64Mi", string(QUANTITY)))
                .section(
                        "probes",
                        "Health checks of the application container",
                        probes -> probes.section(
                                        "readiness",
                                        "Decides when a pod gets traffic and, with OrderedReady, when the next pod starts",
                                        b -> probe(b, spec.probes().readiness(), spec.ports()))
                                .section(
                                        "liveness",
                                        "Restarts a container that stops answering",
                                        b -> probe(b, spec.probes().liveness(), spec.ports()))
                                .section(
                                        "startup",
                                        "Holds the other probes back until the application has started",
                                        b -> probe(b, spec.probes().startup(), spec.ports())))
                .section(
                        "serviceAccount",
                        "The pods' ServiceAccount",
                        account -> account.leaf("create", "Create a ServiceAccount for this release", true, bool())
                                .leaf(
                                        "name",
                                        "Name of the ServiceAccount; empty means <fullname> when created, 'default' otherwise",
                                        "",
                                        string())
                                .leaf("annotations", "Annotations of the ServiceAccount", Map.of(), mapOf(SCALAR))
                                .leaf(
                                        "automountToken",
                                        "Mount an API token into the pods; only needed if the application talks to Kubernetes",
                                        false,
                                        bool()))
                .section(
                        "podDisruptionBudget",
                        "Limits voluntary evictions (drains) when there is more than one replica",
                        pdb -> pdb.leaf("enabled", "Create a PodDisruptionBudget when replicaCount > 1", true, bool())
                                .leaf(
                                        "maxUnavailable",
                                        "Pods that may be evicted at once, a number or a percentage",
                                        1,
                                        anyOf(integer(1), string(PERCENT))))
                .namedSections(
                        "hooks",
                        "Helm hooks by name, each run as a Job named <fullname>-<hook>",
                        DNS_LABEL,
                        List.of("events", "image"),
                        b -> hook(
                                b,
                                new HookSpec(
                                        "hook",
                                        List.of("pre-install"),
                                        0,
                                        List.of(ChartDefaults.HOOK_DELETE_POLICY),
                                        ChartDefaults.TEST_IMAGE,
                                        List.of(),
                                        List.of(),
                                        1,
                                        300,
                                        null)),
                        named(spec.hooks(), HookSpec::name, h -> b -> hook(b, h)))
                .section(
                        "tests",
                        "Pods run by `helm test`",
                        tests -> tests.section(
                                "connection",
                                "Checks that the application answers HTTP through its Service",
                                connection -> connection
                                        .leaf("enabled", "Create the connection test", spec.connectionTest(), bool())
                                        .leaf("image", "Image with wget", spec.connectionTestImage(), string())
                                        .leaf(
                                                "path",
                                                "HTTP path requested; one that does not change state",
                                                testPath(spec),
                                                string("^/"))
                                        .leaf(
                                                "resources",
                                                "Requests and limits of the test container",
                                                smallResources(),
                                                resourcesSchema())))
                .leaf("nodeSelector", "Node labels the pods must match", spec.nodeSelector(), mapOf(string()))
                .leaf("tolerations", "Tolerations of the pods", List.of(), array(anyObject()))
                .leaf("affinity", "Affinity rules of the pods", Map.of(), anyObject())
                .leaf("topologySpreadConstraints", "Spread pods over zones or nodes", List.of(), array(anyObject()))
                .leaf("priorityClassName", "PriorityClass of the pods", "", string())
                .leaf(
                        "extra",
                        "Free-form values for templates you add in src/main/helm/templates",
                        Map.of(),
                        anyObject());
        return new Section(null, null, root.entries(), null, null);
    }

    private static void claim(Builder b, ClaimSpec claim) {
        b.leaf("mountPath", "Where the container sees the volume", claim.mountPath(), string(ABSOLUTE_PATH))
                .leaf(
                        "size",
                        "Requested storage (resizing needs a StorageClass with allowVolumeExpansion)",
                        claim.size(),
                        string(QUANTITY))
                .leaf(
                        "accessModes",
                        "Access modes of each pod's claim",
                        claim.accessModes(),
                        schema("type", "array", "minItems", 1, "items", enumOf(ChartSpecValidator.ACCESS_MODES)))
                .leaf(
                        "storageClass",
                        "StorageClass; empty uses the cluster default, '-' disables dynamic provisioning",
                        claim.storageClassName(),
                        string());
    }

    private static void hook(Builder b, HookSpec hook) {
        b.leaf("enabled", "Create this hook's Job", true, bool())
                .leaf(
                        "events",
                        "Helm hook events that run the Job",
                        hook.events(),
                        schema("type", "array", "minItems", 1, "items", enumOf(ChartSpecValidator.HOOK_EVENTS)))
                .leaf("weight", "Hooks run in ascending weight", hook.weight(), schema("type", "integer"))
                .leaf(
                        "deletePolicies",
                        "When Helm deletes the Job",
                        hook.deletePolicies(),
                        schema(
                                "type",
                                "array",
                                "minItems",
                                1,
                                "items",
                                enumOf(ChartSpecValidator.HOOK_DELETE_POLICIES)))
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
                        hook.ttlSecondsAfterFinished() == null ? "" : hook.ttlSecondsAfterFinished(),
                        anyOf(integer(0), schema("const", "")))
                .leaf("resources", "Requests and limits of the Job's container", smallResources(), resourcesSchema());
    }

    private static void probe(Builder b, ProbeSpec probe, List<PortSpec> ports) {
        String firstPort = ports.isEmpty() ? "" : ports.get(0).name();
        b.leaf("enabled", "Add this probe", probe != null, bool())
                .leaf(
                        "path",
                        "HTTP path for an httpGet probe; empty for a TCP probe",
                        probe == null || probe.path() == null ? "" : probe.path(),
                        string("^$|^/"))
                .leaf(
                        "port",
                        "Container port name or number",
                        probe == null ? firstPort : port(probe.port()),
                        anyOf(integer(1, 65535), string()))
                .leaf(
                        "initialDelaySeconds",
                        "Seconds before the first check",
                        probe == null ? 0 : probe.initialDelaySeconds(),
                        integer(0))
                .leaf("periodSeconds", "Seconds between checks", probe == null ? 10 : probe.periodSeconds(), integer(1))
                .leaf(
                        "timeoutSeconds",
                        "Seconds a check may take",
                        probe == null ? 1 : probe.timeoutSeconds(),
                        integer(1))
                .leaf(
                        "failureThreshold",
                        "Failed checks in a row before the probe fails",
                        probe == null ? 3 : probe.failureThreshold(),
                        integer(1));
    }

    /** What the preset makes of the update strategy when it decides it. */
    private static String effectiveUpdateType(ChartSpec spec) {
        if (spec.updateStrategy().type() != null) {
            return spec.updateStrategy().type();
        }
        return spec.strategy().name().equals("recreate") ? "OnDelete" : ChartDefaults.UPDATE_STRATEGY;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String testPath(ChartSpec spec) {
        ProbeSpec readiness = spec.probes().readiness();
        // The readiness path is safe to call; "/" may change state (the sample app counts a visit).
        return readiness != null && readiness.path() != null ? readiness.path() : "/";
    }

    private static Object maxUnavailable(String value) {
        if (value == null) {
            return "";
        }
        return value.matches("[0-9]+") ? (Object) Integer.valueOf(value) : value;
    }

    private static Object port(String port) {
        return port == null ? "" : port.matches("[0-9]+") ? (Object) Integer.valueOf(port) : port;
    }

    private static List<Map<String, Object>> ports(List<PortSpec> ports) {
        return ports.stream()
                .map(p -> (Map<String, Object>) new LinkedHashMap<String, Object>(
                        props("name", p.name(), "containerPort", p.containerPort(), "protocol", p.protocol())))
                .toList();
    }

    private static Map<String, Object> secretEnv(List<SecretEnvSpec> variables) {
        Map<String, Object> map = new TreeMap<>();
        for (SecretEnvSpec v : variables) {
            map.put(v.name(), props("secretName", v.secretName(), "key", v.key(), "optional", v.optional()));
        }
        return map;
    }

    private static Map<String, Object> resources(Map<String, String> requests, Map<String, String> limits) {
        return props("requests", requests, "limits", limits);
    }

    private static Map<String, Object> smallResources() {
        return resources(Map.of("cpu", "10m", "memory", "16Mi"), Map.of("cpu", "100m", "memory", "64Mi"));
    }

    private static Map<String, Object> resourcesSchema() {
        Map<String, Object> list = schema(
                "type",
                "object",
                "propertyNames",
                schema("enum", List.of("cpu", "memory", "ephemeral-storage")),
                "additionalProperties",
                anyOf(string(QUANTITY), schema("type", "number", "exclusiveMinimum", 0)));
        return schema(
                "type", "object", "properties", props("requests", list, "limits", list), "additionalProperties", false);
    }

    /**
     * A security context passed through to Kubernetes, with its user and group IDs typed as the API
     * server types them. UID 0 next to runAsNonRoot: true is refused by the validation template,
     * which sees the pod's and the container's context together.
     */
    private static Map<String, Object> securityContextSchema(String... ids) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String id : ids) {
            properties.put(id, integer(0, Integer.MAX_VALUE));
        }
        properties.put("runAsNonRoot", bool());
        return schema("type", "object", "properties", properties);
    }

    private static Map<String, Object> podSecurityContext(ChartSpec.PodSecuritySpec security) {
        return props(
                "runAsNonRoot", true,
                "runAsUser", security.runAsUser(),
                "runAsGroup", security.runAsGroup(),
                "fsGroup", security.fsGroup(),
                // Changing ownership of a large volume on every start is slow; only fix it when it is wrong.
                "fsGroupChangePolicy", "OnRootMismatch",
                "seccompProfile", props("type", "RuntimeDefault"));
    }

    private static Map<String, Object> containerSecurityContext() {
        return props(
                "allowPrivilegeEscalation", false,
                "readOnlyRootFilesystem", true,
                "runAsNonRoot", true,
                "capabilities", props("drop", List.of("ALL")),
                "seccompProfile", props("type", "RuntimeDefault"));
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> props(Object... pairs) {
        return JsonSchema.schema(pairs);
    }

    private static <T> Map<String, Consumer<Builder>> named(
            List<T> items,
            java.util.function.Function<T, String> name,
            java.util.function.Function<T, Consumer<Builder>> content) {
        Map<String, Consumer<Builder>> map = new TreeMap<>();
        items.forEach(item -> map.put(name.apply(item), content.apply(item)));
        return map;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
