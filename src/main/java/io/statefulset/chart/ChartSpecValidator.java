package io.statefulset.chart;

import static io.statefulset.chart.KubernetesSyntax.isDnsLabel;
import static io.statefulset.chart.KubernetesSyntax.isDnsSubdomain;
import static io.statefulset.chart.KubernetesSyntax.isEnvName;
import static io.statefulset.chart.KubernetesSyntax.isPortName;
import static io.statefulset.chart.KubernetesSyntax.isQualifiedName;
import static io.statefulset.chart.KubernetesSyntax.quantity;

import io.statefulset.chart.ChartSpec.ClaimSpec;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpec.PortSpec;
import io.statefulset.chart.ChartSpec.ProbeSpec;
import io.statefulset.chart.ChartSpec.SecretEnvSpec;
import io.statefulset.chart.ChartSpec.ServiceSpec;
import io.statefulset.chart.ChartSpec.UpdateStrategySpec;
import io.statefulset.chart.ConfigProblem.Severity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ChartSpec} (after {@link ChartDefaults#apply}) the way the Kubernetes API server
 * and Helm would, and reports each mistake with the POM element that holds it and how to fix it.
 */
public final class ChartSpecValidator {
    /**
     * Where Kubernetes honours a StatefulSet's maxUnavailable (KEP-961): beta and on by default in
     * 1.35.0, turned off by default again in 1.35.4 and 1.36 because it broke Parallel rollouts
     * (kubernetes#137409), on by default again from 1.37. Elsewhere pods are replaced one at a time.
     */
    private static final String MAX_UNAVAILABLE_HONOURED = "Kubernetes honours maxUnavailable: by default on 1.37+"
            + " and 1.35.0 to 1.35.3, otherwise only with the MaxUnavailableStatefulSet feature gate (1.24+);"
            + " other servers replace one pod at a time";

    static final List<String> POD_MANAGEMENT_POLICIES = List.of("OrderedReady", "Parallel");
    static final List<String> UPDATE_STRATEGIES = List.of("RollingUpdate", "OnDelete");
    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    static final List<String> SERVICE_TYPES = List.of("ClusterIP", "NodePort", "LoadBalancer");
    static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    static final List<String> ACCESS_MODES =
            List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
    static final List<String> RETENTION_POLICIES = List.of("Retain", "Delete");
    static final List<String> HOOK_EVENTS = List.of(
            "pre-install",
            "post-install",
            "pre-delete",
            "post-delete",
            "pre-upgrade",
            "post-upgrade",
            "pre-rollback",
            "post-rollback",
            "test");
    static final List<String> HOOK_DELETE_POLICIES = List.of("before-hook-creation", "hook-succeeded", "hook-failed");
    static final List<String> RESOURCE_NAMES = List.of("cpu", "memory", "ephemeral-storage");
    /** Names of volumes the chart itself adds to the pod; a claim may not reuse them. */
    static final List<String> RESERVED_VOLUME_NAMES = List.of(ValuesModel.TMP_VOLUME);

    /** Pod labels the chart sets itself: the two selector labels and the version. */
    static final List<String> RESERVED_POD_LABELS =
            List.of("app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version");
    /** One comparison of a Helm (Masterminds semver) constraint, e.g. {@code >=1.27.0-0}, {@code ~1.30}, {@code 1.2 - 1.4}. */
    private static final String COMPARISON =
            "(?:[<>=!~^]{0,2}\\s*v?[0-9]+(?:\\.(?:[0-9]+|[xX*])){0,2}(?:-[0-9A-Za-z.-]+)?)";
    /** A whole constraint: comparisons joined by spaces, commas, ranges and ||. */
    static final Pattern KUBE_VERSION_CONSTRAINT =
            Pattern.compile("\\s*" + COMPARISON + "(?:\\s*(?:,|\\|\\||\\s-\\s|\\s)\\s*" + COMPARISON + ")*\\s*");

    /** The highest UID or GID the API server accepts (an int32). */
    static final long MAX_ID = Integer.MAX_VALUE;

    static final Pattern PERCENT = Pattern.compile("([1-9][0-9]?|100)%");
    static final Pattern IMAGE_REFERENCE = Pattern.compile("[^\\s]+");

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ChartSpecValidator() {}

    /** All problems of {@code spec}, errors and warnings, in POM order. */
    public static List<ConfigProblem> validate(ChartSpec spec) {
        ChartSpecValidator v = new ChartSpecValidator();
        v.chart(spec.chart());
        v.image(spec);
        v.workload(spec);
        v.ports(spec.ports());
        v.service(spec.service(), spec.ports());
        v.claims(spec.volumeClaimTemplates());
        v.oneOf(
                "<persistentVolumeClaimRetentionPolicy><whenDeleted>",
                spec.persistentVolumeClaimRetentionPolicy().whenDeleted(),
                RETENTION_POLICIES);
        v.oneOf(
                "<persistentVolumeClaimRetentionPolicy><whenScaled>",
                spec.persistentVolumeClaimRetentionPolicy().whenScaled(),
                RETENTION_POLICIES);
        v.env(spec.env(), spec.secretEnv(), spec.expandedEnv());
        v.metadata("<podAnnotations>", spec.podAnnotations(), false);
        v.metadata("<podLabels>", spec.podLabels(), true);
        for (String key : spec.podLabels().keySet()) {
            if (RESERVED_POD_LABELS.contains(key)) {
                v.error(
                        "<podLabels><property name=\"" + key + "\">",
                        key,
                        "is a label the chart sets itself; choose another key");
            }
        }
        v.metadata("<nodeSelector>", spec.nodeSelector(), true);
        v.podSecurity(spec.podSecurity());
        v.resources(spec.resources());
        v.probes(spec);
        v.hooks(spec.hooks());
        v.connectionTest(spec);
        v.strategy(spec);
        for (int i = 0; i < spec.imagePullSecrets().size(); i++) {
            String secret = spec.imagePullSecrets().get(i);
            if (!isDnsSubdomain(secret)) {
                v.error(
                        "<imagePullSecrets><imagePullSecret>[" + (i + 1) + "]",
                        secret,
                        "is not a Secret name; use lowercase letters, digits, '-' and '.'");
            }
        }
        return List.copyOf(v.problems);
    }

    private void chart(ChartSpec.ChartInfo chart) {
        if (!isDnsLabel(chart.name())) {
            error(
                    "<chart><name>",
                    chart.name(),
                    "is not a DNS-1123 label; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit, e.g. visit-counter");
        }
        if (!SemVer.isValid(chart.version())) {
            error(
                    "<chart><version>",
                    chart.version(),
                    "is not a SemVer 2 version and has no unambiguous SemVer form; set <chart><version> to MAJOR.MINOR.PATCH[-PRERELEASE], e.g. 1.2.3");
        }
        if (blank(chart.appVersion())) {
            error("<chart><appVersion>", chart.appVersion(), "must not be empty; it defaults to the project version");
        }
        String kube = chart.kubeVersion();
        if (kube != null
                && (blank(kube) || !KUBE_VERSION_CONSTRAINT.matcher(kube).matches())) {
            error(
                    "<chart><kubeVersion>",
                    kube,
                    "is not a SemVer constraint; write it like >=1.27.0-0, or >=1.27.0-0 <1.40.0-0");
        } else if (kube != null && kube.contains(">") && !kube.contains("-")) {
            warning(
                    "<chart><kubeVersion>",
                    kube,
                    "has no '-0' suffix, so it refuses the versions managed clusters report (v1.29.0-eks-…, v1.30.1-gke.…);"
                            + " write it like >=1.27.0-0");
        }
    }

    private void image(ChartSpec spec) {
        String repository = spec.image().repository();
        if (blank(repository)) {
            error(
                    "<image><repository>",
                    repository,
                    "is required; set the image without its tag, e.g. ghcr.io/acme/visit-counter");
        } else if (repository.contains("@")
                || repository.substring(repository.lastIndexOf('/') + 1).contains(":")) {
            error("<image><repository>", repository, "must not contain a tag or digest; put the tag into <image><tag>");
        } else if (!KubernetesSyntax.isImageRepository(repository)) {
            error(
                    "<image><repository>",
                    repository,
                    "is not an image repository; use [registry[:port]/]path with lowercase path components, e.g. ghcr.io/acme/visit-counter");
        }
        String tag = spec.image().tag();
        if (!KubernetesSyntax.isImageTag(tag)
                && tag != null
                && tag.equals(spec.chart().appVersion())) {
            error(
                    "<chart><appVersion>",
                    tag,
                    "is used as the image tag but is not a valid one (letters, digits, '_', '.' and '-' only); set <image><tag> explicitly");
        } else if (!KubernetesSyntax.isImageTag(tag)) {
            error(
                    "<image><tag>",
                    tag,
                    "is not an image tag; use up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
        } else if (tag.equals("latest")) {
            warning(
                    "<image><tag>",
                    tag,
                    "'latest' makes every pod restart pull whatever is newest and breaks rollbacks; pin a version");
        }
        oneOf("<image><pullPolicy>", spec.image().pullPolicy(), PULL_POLICIES);
    }

    private void workload(ChartSpec spec) {
        int replicas = spec.replicas();
        if (replicas < 0) {
            error("<replicas>", String.valueOf(replicas), "must be 0 or more");
        }
        oneOf("<podManagementPolicy>", spec.podManagementPolicy(), POD_MANAGEMENT_POLICIES);
        UpdateStrategySpec strategy = spec.updateStrategy();
        if (strategy.type() == null) {
            // The strategy preset decides the type; strategy() checks what the user wrote against it.
            if (strategy.maxUnavailable() != null && !spec.strategy().name().equals("recreate")) {
                maxUnavailable(strategy.maxUnavailable(), spec.podManagementPolicy());
            }
        } else if (oneOf("<updateStrategy><type>", strategy.type(), UPDATE_STRATEGIES)) {
            if (strategy.type().equals("OnDelete")) {
                if (strategy.partition() != null) {
                    error(
                            "<updateStrategy><partition>",
                            String.valueOf(strategy.partition()),
                            "only applies to RollingUpdate; the API server rejects a rollingUpdate block with OnDelete. Remove <partition> or use <type>RollingUpdate</type>");
                }
                if (strategy.maxUnavailable() != null) {
                    error(
                            "<updateStrategy><maxUnavailable>",
                            strategy.maxUnavailable(),
                            "only applies to RollingUpdate; the API server rejects a rollingUpdate block with OnDelete. Remove <maxUnavailable> or use <type>RollingUpdate</type>");
                }
            } else {
                // Unset when the canary preset computes it.
                Integer partition = strategy.partition();
                if (partition != null && partition < 0) {
                    error(
                            "<updateStrategy><partition>",
                            String.valueOf(partition),
                            "must be 0 or more; 0 updates every pod");
                } else if (partition != null && replicas >= 0 && partition > replicas) {
                    error(
                            "<updateStrategy><partition>",
                            String.valueOf(partition),
                            "is above <replicas> (" + replicas
                                    + ") so no pod would ever be updated; use a value from 0 to " + replicas);
                }
                maxUnavailable(strategy.maxUnavailable(), spec.podManagementPolicy());
            }
        }
        nonNegative("<minReadySeconds>", spec.minReadySeconds());
        nonNegative("<revisionHistoryLimit>", spec.revisionHistoryLimit());
        nonNegative("<terminationGracePeriodSeconds>", spec.terminationGracePeriodSeconds());
        if (spec.terminationGracePeriodSeconds() == 0) {
            warning(
                    "<terminationGracePeriodSeconds>",
                    "0",
                    "kills pods without a chance to flush their data; StatefulSet pods should shut down gracefully, keep the default 30");
        }
    }

    private void maxUnavailable(String value, String podManagementPolicy) {
        if (value == null) {
            return;
        }
        String element = "<updateStrategy><maxUnavailable>";
        if (value.matches("-?[0-9]+")) {
            if (Long.parseLong(value) < 1) {
                error(element, value, "must be at least 1 (or a percentage from 1% to 100%); the API server rejects 0");
                return;
            }
        } else if (!PERCENT.matcher(value).matches()) {
            error(element, value, "must be a number of pods (1 or more) or a percentage from 1% to 100%");
            return;
        }
        if (value.equals("1")) {
            // The default: one pod at a time, which every Kubernetes version does.
            return;
        }
        warning(element, value, "replaces several pods at once only where " + MAX_UNAVAILABLE_HONOURED);
        if (podManagementPolicy.equals("OrderedReady")) {
            warning(
                    element,
                    value,
                    "has no effect with <podManagementPolicy>OrderedReady</podManagementPolicy>; use Parallel to roll several pods at once");
        }
    }

    private void ports(List<PortSpec> ports) {
        Set<String> names = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            PortSpec port = ports.get(i);
            String at = item("<ports><port", port.name(), i);
            if (!isPortName(port.name())) {
                error(
                        at + "<name>",
                        port.name(),
                        "is not a port name; use at most 15 lowercase letters, digits and '-' with at least one letter, e.g. http");
            } else if (!names.add(port.name())) {
                error(at + "<name>", port.name(), "is declared twice; give each port its own name");
            }
            if (port.containerPort() == null || port.containerPort() < 1 || port.containerPort() > 65535) {
                error(at + "<containerPort>", str(port.containerPort()), "must be a port number from 1 to 65535");
            } else if (!numbers.add(port.containerPort())) {
                error(
                        at + "<containerPort>",
                        str(port.containerPort()),
                        "is declared twice; each container port may appear once");
            }
            oneOf(at + "<protocol>", port.protocol(), PROTOCOLS);
        }
    }

    private void service(ServiceSpec service, List<PortSpec> ports) {
        if (!service.enabled()) {
            return;
        }
        if (ports.isEmpty()) {
            error(
                    "<service>",
                    null,
                    "needs a container port to send traffic to; declare one in <ports> or set <service><enabled>false</enabled>");
            return;
        }
        oneOf("<service><type>", service.type(), SERVICE_TYPES);
        if (service.port() == null || service.port() < 1 || service.port() > 65535) {
            error("<service><port>", str(service.port()), "must be a port number from 1 to 65535");
        }
        if (ports.stream().noneMatch(p -> p.name().equals(service.targetPort()))) {
            error(
                    "<service><targetPort>",
                    service.targetPort(),
                    "names no port in <ports>; use one of " + portNames(ports));
        }
        int nodePort = service.nodePort();
        if (nodePort != 0 && !"NodePort".equals(service.type()) && !"LoadBalancer".equals(service.type())) {
            error(
                    "<service><nodePort>",
                    String.valueOf(nodePort),
                    "only applies to <type>NodePort</type> or LoadBalancer; remove it or change the type");
        } else if (nodePort < 0 || nodePort > 65535) {
            error(
                    "<service><nodePort>",
                    String.valueOf(nodePort),
                    "must be a port number (the cluster's node port range, by default 30000-32767), or 0 to let Kubernetes pick");
        } else if (nodePort != 0 && (nodePort < 30000 || nodePort > 32767)) {
            warning(
                    "<service><nodePort>",
                    String.valueOf(nodePort),
                    "is outside Kubernetes' default node port range 30000-32767; the API server refuses it unless the cluster's"
                            + " --service-node-port-range includes it");
        }
    }

    private void claims(List<ClaimSpec> claims) {
        Set<String> names = new HashSet<>();
        Set<String> mounts = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            ClaimSpec claim = claims.get(i);
            String at = item("<volumeClaimTemplates><volumeClaimTemplate", claim.name(), i);
            if (!isDnsLabel(claim.name())) {
                error(
                        at + "<name>",
                        claim.name(),
                        "is not a DNS-1123 label; use lowercase letters, digits and '-', e.g. data (PVCs are named <name>-<statefulset>-<ordinal>)");
            } else if (RESERVED_VOLUME_NAMES.contains(claim.name())) {
                error(
                        at + "<name>",
                        claim.name(),
                        "is the name of a volume the chart adds itself; choose another name");
            } else if (!names.add(claim.name())) {
                error(at + "<name>", claim.name(), "is declared twice; claim template names must be unique");
            }
            String mountPath = claim.mountPath();
            if (blank(mountPath)) {
                error(
                        at + "<mountPath>",
                        mountPath,
                        "is required; give the absolute path the container sees the volume at, e.g. /app/data");
            } else if (!mountPath.startsWith("/")) {
                error(at + "<mountPath>", mountPath, "is relative; give an absolute path such as /" + mountPath);
            } else if (mountPath.equals("/")
                    || !Path.of(mountPath).normalize().toString().equals(mountPath)
                    || mountPath.contains(":")) {
                error(
                        at + "<mountPath>",
                        mountPath,
                        "must be a normalised absolute path below / without '..', '.', ':' or a trailing '/', e.g. /app/data");
            } else if (!mounts.add(mountPath)) {
                error(
                        at + "<mountPath>",
                        mountPath,
                        "is used by two claim templates; each volume needs its own mount path");
            } else if (mountPath.equals("/tmp")) {
                error(
                        at + "<mountPath>",
                        mountPath,
                        "is where the chart mounts its scratch volume; choose another path");
            }
            var size = quantity(claim.size());
            if (size.isEmpty()) {
                error(
                        at + "<size>",
                        claim.size(),
                        "is not a Kubernetes quantity; use a number with an optional suffix, e.g. 1Gi, 500Mi or 10G");
            } else if (size.get().signum() <= 0) {
                error(at + "<size>", claim.size(), "must be more than zero, e.g. 1Gi");
            }
            Set<String> modes = new HashSet<>();
            for (String mode : claim.accessModes()) {
                if (oneOf(at + "<accessModes><accessMode>", mode, ACCESS_MODES) && !modes.add(mode)) {
                    error(at + "<accessModes><accessMode>", mode, "is listed twice; list each access mode once");
                }
            }
            String storageClass = claim.storageClassName();
            if (!storageClass.isEmpty() && !storageClass.equals("-") && !isDnsSubdomain(storageClass)) {
                error(
                        at + "<storageClassName>",
                        storageClass,
                        "is not a StorageClass name; use lowercase letters, digits, '-' and '.', or '-' to turn dynamic provisioning off");
            }
        }
    }

    private void env(Map<String, String> env, List<SecretEnvSpec> secretEnv, Map<String, String> expandedEnv) {
        for (String name : env.keySet()) {
            if (!isEnvName(name)) {
                error(
                        "<env><" + name + ">",
                        name,
                        "is not an environment variable name; use letters, digits, '_', '-' and '.', not starting with a digit");
            }
        }
        Set<String> names = new HashSet<>(env.keySet());
        for (int i = 0; i < secretEnv.size(); i++) {
            SecretEnvSpec variable = secretEnv.get(i);
            String at = item("<secretEnv><variable", variable.name(), i);
            if (!isEnvName(variable.name())) {
                error(
                        at + "<name>",
                        variable.name(),
                        "is not an environment variable name; use letters, digits, '_', '-' and '.', not starting with a digit");
            } else if (!names.add(variable.name())) {
                error(
                        at + "<name>",
                        variable.name(),
                        "is already set in <env> or <secretEnv>; a variable can have one source");
            }
            if (!isDnsSubdomain(variable.secretName())) {
                error(
                        at + "<secretName>",
                        variable.secretName(),
                        "is not a Secret name; give the name of an existing Secret (lowercase letters, digits, '-', '.')");
            }
            if (!KubernetesSyntax.isConfigKey(variable.key())) {
                error(at + "<key>", variable.key(), "is not a Secret key; use letters, digits, '-', '_' and '.'");
            }
        }
        for (String name : expandedEnv.keySet()) {
            if (!isEnvName(name)) {
                error(
                        "<expandedEnv><" + name + ">",
                        name,
                        "is not an environment variable name; use letters, digits, '_', '-' and '.', not starting with a digit");
            } else if (!names.add(name)) {
                error(
                        "<expandedEnv><" + name + ">",
                        name,
                        "is already set in <env> or <secretEnv>; a variable can have one source");
            }
        }
    }

    private void metadata(String element, Map<String, String> map, boolean labelValues) {
        map.forEach((key, value) -> {
            if (!isQualifiedName(key)) {
                error(
                        element + "<property name=\"" + key + "\">",
                        key,
                        "is not a valid key; use [prefix/]name where the name has at most 63 letters, digits, '-', '_' or '.'");
            } else if (labelValues && !KubernetesSyntax.isLabelValue(value)) {
                error(
                        element + "<property name=\"" + key + "\"><value>",
                        value,
                        "is not a label value; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            } else if (value == null) {
                error(
                        element + "<property name=\"" + key + "\"><value>",
                        null,
                        "is missing; give a value (may be empty in a label, never absent)");
            }
        });
    }

    /**
     * The user and groups the pods run as. The chart fixes {@code runAsNonRoot: true}, so UID 0 is a
     * pod that never starts: the kubelet refuses the container (CreateContainerConfigError), and
     * Pod Security Admission "restricted" refuses {@code runAsUser: 0} outright (Kubernetes 1.23+).
     *
     * <p>Group 0 is allowed on purpose. The Pod Security Standards check {@code runAsNonRoot} and
     * {@code runAsUser} only; Pod Security Admission has no check on {@code runAsGroup}, {@code
     * fsGroup} or supplemental groups (the optional "non-root groups" control of the first draft of
     * the standards was dropped). GID 0 is also how images built for arbitrary UIDs (OpenShift's
     * {@code chgrp 0}, {@code chmod g=u} convention) let the process write their files.
     */
    private void podSecurity(ChartSpec.PodSecuritySpec security) {
        long user = security.runAsUser();
        if (user == 0) {
            error(
                    "<securityContext><runAsUser>",
                    "0",
                    "is root, but the pods run with runAsNonRoot: true, so the kubelet never starts them;"
                            + " use a non-zero UID such as " + ChartDefaults.POD_USER);
        } else if (user < 0 || user > MAX_ID) {
            error(
                    "<securityContext><runAsUser>",
                    String.valueOf(user),
                    "must be a UID from 1 to " + MAX_ID + ", e.g. " + ChartDefaults.POD_USER);
        }
        for (var group : List.of(
                Map.entry("<securityContext><runAsGroup>", security.runAsGroup()),
                Map.entry("<securityContext><fsGroup>", security.fsGroup()))) {
            if (group.getValue() < 0 || group.getValue() > MAX_ID) {
                error(
                        group.getKey(),
                        String.valueOf(group.getValue()),
                        "must be a GID from 0 to " + MAX_ID + ", e.g. " + ChartDefaults.POD_USER);
            }
        }
    }

    private void resources(ChartSpec.ResourcesSpec resources) {
        for (String name : List.of("cpu", "memory")) {
            if (!resources.requests().containsKey(name) || !resources.limits().containsKey(name)) {
                warning(
                        "<resources>",
                        null,
                        "has no " + name + " request and limit; set both so the scheduler reserves room for every pod"
                                + " and one pod cannot starve the others, e.g. <requests><" + name + ">"
                                + (name.equals("cpu") ? "100m" : "128Mi")
                                + "</" + name + "></requests>");
            }
        }
        quantities("<resources><requests>", resources.requests());
        quantities("<resources><limits>", resources.limits());
        resources.requests().forEach((name, request) -> {
            String limit = resources.limits().get(name);
            var r = quantity(request);
            var l = quantity(limit);
            if (r.isPresent() && l.isPresent() && r.get().compareTo(l.get()) > 0) {
                error(
                        "<resources><requests><" + name + ">",
                        request,
                        "is more than <resources><limits><" + name + "> (" + limit
                                + "); the API server rejects a request above its limit");
            }
        });
    }

    private void quantities(String element, Map<String, String> values) {
        values.forEach((name, value) -> {
            String at = element + "<" + xmlName(name) + ">";
            if (!RESOURCE_NAMES.contains(name)) {
                error(at, value, "is not a resource this chart sets; use cpu, memory or ephemeralStorage");
            } else if (quantity(value).map(BigDecimal::signum).orElse(-1) < 0) {
                error(at, value, "is not a Kubernetes quantity; use e.g. 100m or 0.5 for cpu, 128Mi or 1Gi for memory");
            }
        });
    }

    private void probes(ChartSpec spec) {
        probe("<probes><readiness>", spec.probes().readiness(), spec.ports());
        probe("<probes><liveness>", spec.probes().liveness(), spec.ports());
        probe("<probes><startup>", spec.probes().startup(), spec.ports());
        if (spec.probes().readiness() == null) {
            warning(
                    "<probes><readiness>",
                    null,
                    "is not set; without a readiness probe a pod gets traffic (and OrderedReady starts the next pod) before it can serve");
        }
    }

    private void probe(String element, ProbeSpec probe, List<PortSpec> ports) {
        if (probe == null) {
            return;
        }
        if (probe.path() != null && !probe.path().startsWith("/")) {
            error(element + "<path>", probe.path(), "must start with '/', e.g. /readyz");
        }
        String port = probe.port();
        if (port == null) {
            error(
                    element + "<port>",
                    null,
                    "is required when no <ports> are declared; name a declared port or give a number");
        } else if (port.matches("[0-9]+")) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                error(element + "<port>", port, "must be a port number from 1 to 65535 or the name of a declared port");
            } else if (ports.stream().noneMatch(p -> Integer.valueOf(number).equals(p.containerPort()))) {
                warning(
                        element + "<port>",
                        port,
                        "is not declared in <ports>; declare it so Services and readers of the chart can see it");
            }
        } else if (ports.stream().noneMatch(p -> port.equals(p.name()))) {
            error(element + "<port>", port, "names no port in <ports>; use one of " + portNames(ports));
        }
        positive(element + "<periodSeconds>", probe.periodSeconds());
        positive(element + "<timeoutSeconds>", probe.timeoutSeconds());
        positive(element + "<failureThreshold>", probe.failureThreshold());
        nonNegative(element + "<initialDelaySeconds>", probe.initialDelaySeconds());
    }

    private void hooks(List<HookSpec> hooks) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < hooks.size(); i++) {
            HookSpec hook = hooks.get(i);
            String at = item("<hooks><hook", hook.name(), i);
            if (!isDnsLabel(hook.name()) || hook.name().length() > 30) {
                error(
                        at + "<name>",
                        hook.name(),
                        "is not a short DNS-1123 label; use at most 30 lowercase letters, digits and '-' (the Job is named <release>-<chart>-<name>)");
            } else if (hook.name().equals("recreate")) {
                error(
                        at + "<name>",
                        hook.name(),
                        "is the name of the Job the recreate strategy adds; choose another name");
            } else if (!names.add(hook.name())) {
                error(at + "<name>", hook.name(), "is declared twice; hook names must be unique");
            }
            if (hook.events().isEmpty()) {
                error(at + "<events>", null, "is empty; list at least one of " + String.join(", ", HOOK_EVENTS));
            }
            Set<String> events = new HashSet<>();
            for (String event : hook.events()) {
                if (oneOf(at + "<events><event>", event, HOOK_EVENTS) && !events.add(event)) {
                    error(at + "<events><event>", event, "is listed twice; list each event once");
                }
            }
            for (String policy : hook.deletePolicies()) {
                oneOf(at + "<deletePolicies><deletePolicy>", policy, HOOK_DELETE_POLICIES);
            }
            if (!hook.deletePolicies().contains("before-hook-creation") && hook.ttlSecondsAfterFinished() == null) {
                warning(
                        at + "<deletePolicies>",
                        String.join(",", hook.deletePolicies()),
                        "lacks before-hook-creation: after one failed run the Job stays, and the next install or upgrade fails"
                                + " with \"already exists\"; add <deletePolicy>before-hook-creation</deletePolicy>");
            }
            if (blank(hook.image())) {
                error(at + "<image>", hook.image(), "is required; give the image the hook Job runs, e.g. busybox:1.36");
            } else if (!IMAGE_REFERENCE.matcher(hook.image()).matches()) {
                error(at + "<image>", hook.image(), "is not an image reference; it must not contain spaces");
            }
            nonNegative(at + "<backoffLimit>", hook.backoffLimit());
            positive(at + "<activeDeadlineSeconds>", hook.activeDeadlineSeconds());
            if (hook.ttlSecondsAfterFinished() != null) {
                nonNegative(at + "<ttlSecondsAfterFinished>", hook.ttlSecondsAfterFinished());
            }
        }
    }

    /** The rollout presets, what each needs, and the strategies a plain chart cannot deliver. */
    private void strategy(ChartSpec spec) {
        ChartSpec.StrategySpec strategy = spec.strategy();
        String name = strategy.name();
        String type = spec.updateStrategy().type();
        switch (name) {
            case "rolling" -> {}
            case "ramped" -> {
                if ("OnDelete".equals(type)) {
                    error(
                            "<updateStrategy><type>",
                            type,
                            "contradicts <strategy>ramped</strategy>, which rolls pods with RollingUpdate;"
                                    + " remove <type> or use <strategy>recreate</strategy>");
                }
                if (spec.podManagementPolicy().equals("OrderedReady")) {
                    warning(
                            "<strategy>",
                            name,
                            "ramps with maxUnavailable, which OrderedReady ignores; set"
                                    + " <podManagementPolicy>Parallel</podManagementPolicy> for a ramp, or only minReadySeconds paces it");
                }
            }
            case "canary" -> {
                int k = strategy.canaryReplicas();
                if (k < 1 || k >= spec.replicas()) {
                    error(
                            "<canaryReplicas>",
                            String.valueOf(k),
                            "must be at least 1 and less than <replicas> (" + spec.replicas()
                                    + "), so that some pods keep the old version while the canary runs"
                                    + (spec.replicas() < 2 ? "; a canary needs <replicas>2</replicas> or more" : ""));
                }
                if (type != null && !type.equals("RollingUpdate")) {
                    error(
                            "<updateStrategy><type>",
                            type,
                            "contradicts <strategy>canary</strategy>, which is a RollingUpdate partition;"
                                    + " remove <type>");
                }
                if (spec.updateStrategy().partition() != null) {
                    error(
                            "<updateStrategy><partition>",
                            String.valueOf(spec.updateStrategy().partition()),
                            "is computed by"
                                    + " <strategy>canary</strategy> (replicas - canaryReplicas); remove <partition> and set <canaryReplicas>");
                }
            }
            case "blueGreen" -> {
                if ("OnDelete".equals(type)) {
                    error(
                            "<updateStrategy><type>",
                            type,
                            "cannot go with <strategy>blueGreen</strategy>: each slot must roll to its new"
                                    + " version by itself before traffic switches; remove <type>");
                }
                if (spec.updateStrategy().partition() != null) {
                    error(
                            "<updateStrategy><partition>",
                            String.valueOf(spec.updateStrategy().partition()),
                            "cannot go with <strategy>blueGreen</strategy>: each slot rolls fully to its version"
                                    + " and traffic switches with <activeSlot>; remove <partition>");
                }
                oneOf("<activeSlot>", strategy.activeSlot(), List.of("blue", "green"));
                nonNegative("<idleSlotReplicas>", strategy.idleSlotReplicas());
            }
            case "recreate" -> {
                if (type != null && !type.equals("OnDelete")) {
                    error(
                            "<updateStrategy><type>",
                            type,
                            "contradicts <strategy>recreate</strategy>, which is OnDelete plus a hook that"
                                    + " deletes the pods; remove <type>");
                }
                notWithOnDelete(
                        "<updateStrategy><partition>", spec.updateStrategy().partition());
                notWithOnDelete(
                        "<updateStrategy><maxUnavailable>",
                        spec.updateStrategy().maxUnavailable());
                String image = strategy.recreateImage();
                if (blank(image) || !IMAGE_REFERENCE.matcher(image).matches()) {
                    error(
                            "<recreateImage>",
                            image,
                            "must be an image with kubectl, e.g. " + ChartDefaults.RECREATE_IMAGE);
                } else if (!pinned(image)) {
                    warning(
                            "<recreateImage>",
                            image,
                            "pulls whatever is newest ('latest') each upgrade; pin a version, e.g. "
                                    + ChartDefaults.RECREATE_IMAGE);
                }
            }
            case "shadow" ->
                error(
                        "<strategy>",
                        name,
                        "needs a proxy that copies live requests to the new version (Istio"
                                + " VirtualService mirror, Gateway API HTTPRoute RequestMirror filter, ingress-nginx mirror-target); a"
                                + " StatefulSet chart cannot mirror traffic. Add the mirror to your gateway and deploy the new version with"
                                + " <strategy>blueGreen</strategy> (test it through the preview Service) or <strategy>canary</strategy>");
            case "abTesting" ->
                error(
                        "<strategy>",
                        name,
                        "needs routing by request (header, cookie, user) to two versions"
                                + " (Gateway API HTTPRoute matches, Istio VirtualService, ingress-nginx canary-by-header); a Service spreads"
                                + " requests without looking at them. Put that routing in your gateway in front of <strategy>blueGreen</strategy>"
                                + " (both slots stay up, each with its own Service)");
            default ->
                error("<strategy>", name, "is not a strategy; use rolling, canary, blueGreen, recreate or ramped");
        }
        onlyFor("canary", name, "<canaryReplicas>", strategy.canaryReplicas());
        onlyFor("canary", name, "<canaryService>", strategy.canaryService());
        onlyFor("blueGreen", name, "<activeSlot>", strategy.activeSlot());
        onlyFor("blueGreen", name, "<idleSlotReplicas>", strategy.idleSlotReplicas());
        onlyFor("recreate", name, "<recreateImage>", strategy.recreateImage());
    }

    /** A setting of one strategy given while another is chosen: it would be silently ignored. */
    private void onlyFor(String owner, String chosen, String element, Object value) {
        if (value != null && !owner.equals(chosen)) {
            error(
                    element,
                    String.valueOf(value),
                    "only applies to <strategy>" + owner + "</strategy>; remove it or set the strategy");
        }
    }

    private void notWithOnDelete(String element, Object value) {
        if (value != null) {
            error(
                    element,
                    String.valueOf(value),
                    "is a RollingUpdate setting, which OnDelete (and so <strategy>recreate</strategy>) does not"
                            + " have; remove it");
        }
    }

    /** Whether an image reference names a tag or digest; a colon before the last '/' is a registry port. */
    private static boolean pinned(String image) {
        if (image.contains("@")) {
            return true;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon >= 0 && !last.substring(colon + 1).equals("latest");
    }

    private void connectionTest(ChartSpec spec) {
        if (spec.connectionTest() && spec.ports().isEmpty()) {
            error(
                    "<connectionTest>",
                    "true",
                    "needs a declared port to connect to; declare one in <ports> or set <connectionTest>false</connectionTest>");
        }
        if (spec.connectionTest() && blank(spec.connectionTestImage())) {
            error(
                    "<connectionTestImage>",
                    spec.connectionTestImage(),
                    "is required when <connectionTest> is true, e.g. busybox:1.36");
        }
    }

    private boolean oneOf(String element, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            error(element, value, "must be one of " + String.join(", ", allowed));
            return false;
        }
        return true;
    }

    private void nonNegative(String element, Integer value) {
        if (value == null || value < 0) {
            error(element, str(value), "must be 0 or more");
        }
    }

    private void positive(String element, Integer value) {
        if (value == null || value < 1) {
            error(element, str(value), "must be 1 or more");
        }
    }

    private void error(String element, String value, String message) {
        problems.add(new ConfigProblem(Severity.ERROR, element, value, message));
    }

    private void warning(String element, String value, String message) {
        problems.add(new ConfigProblem(Severity.WARNING, element, value, message));
    }

    /** {@code <hooks><hook name="x">} when the item has a name, {@code <hooks><hook>[2]} otherwise. */
    private static String item(String open, String name, int index) {
        return blank(name) ? open + ">[" + (index + 1) + "]" : open + " name=\"" + name + "\">";
    }

    /** The POM spells resource names in camel case, Kubernetes with hyphens. */
    private static String xmlName(String resourceName) {
        return resourceName.equals("ephemeral-storage") ? "ephemeralStorage" : resourceName;
    }

    private static String portNames(List<PortSpec> ports) {
        return ports.isEmpty()
                ? "(none declared)"
                : String.join(", ", ports.stream().map(PortSpec::name).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
