package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.statefulset.validate.Manifests.Manifest;
import io.statefulset.validate.PodTemplates.PodTemplate;
import io.statefulset.validate.Rule.Family;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Pod hardening (Pod Security Standard "restricted") and what makes a workload operable. */
final class PodRules {
    private PodRules() {}

    /** Volume types the restricted profile allows. */
    static final List<String> RESTRICTED_VOLUMES = List.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    static final Rule RESTRICTED = rule(
            "pod-security-restricted",
            Severity.WARNING,
            "Namespaces enforcing the Pod Security Standard 'restricted' refuse these pods, and they run with more privilege than needed.",
            "Run as non-root, drop ALL capabilities, set allowPrivilegeEscalation: false and seccompProfile RuntimeDefault.",
            PodRules::restricted);
    static final Rule IMAGE_TAG = rule(
            "image-tag",
            Severity.WARNING,
            "'latest' or no tag makes every node run whatever it pulled first (with IfNotPresent) and breaks rollbacks.",
            "Pin a version tag or a digest.",
            PodRules::imageTag);
    static final Rule RESOURCES = rule(
            "resources",
            Severity.WARNING,
            "Without cpu and memory requests and limits the scheduler cannot reserve room and one pod can starve the rest.",
            "Set resources.requests and resources.limits for cpu and memory.",
            PodRules::resources);
    static final Rule PDB = rule(
            "pdb-missing",
            Severity.WARNING,
            "With more than one replica and no PodDisruptionBudget, a node drain may evict every pod at once.",
            "Add a PodDisruptionBudget (maxUnavailable: 1) that selects the pods.",
            PodRules::pdb);
    static final Rule SECRET_EMBEDDED = rule(
            "secret-embedded",
            Severity.ERROR,
            "Secret values in a chart end up in its package, its repository and every release's history.",
            "Reference an existing Secret (secretKeyRef) or use an external secret store.",
            PodRules::secretEmbedded);

    static List<Rule> all() {
        return List.of(
                RESTRICTED,
                IMAGE_TAG,
                ProbeRules.READINESS,
                ProbeRules.PROBE_PORT,
                ProbeRules.PROBE_PORT_UNDECLARED,
                RESOURCES,
                PDB,
                SECRET_EMBEDDED);
    }

    private static Rule rule(String id, Severity severity, String rationale, String fix, Rule.Check check) {
        return new Rule(id, Family.POD, severity, rationale, fix, check);
    }

    private static void restricted(Manifests m, Reporter r) {
        forEachPod(m, (object, template) -> {
            PodSpec pod = template.spec();
            String at = template.path();
            PodSecurityContext psc = pod.getSecurityContext();
            if (Boolean.TRUE.equals(pod.getHostNetwork())
                    || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                r.report(object, at, "the pod shares host namespaces (hostNetwork, hostPID or hostIPC)");
            }
            for (int i = 0; pod.getVolumes() != null && i < pod.getVolumes().size(); i++) {
                String type = volumeType(pod.getVolumes().get(i));
                if (type != null && !RESTRICTED_VOLUMES.contains(type)) {
                    r.report(object, at + ".volumes[" + i + "]." + type, "volume type " + type + " is not allowed");
                }
            }
            forEachContainer(pod, at, (path, c) -> {
                SecurityContext sc = c.getSecurityContext();
                if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
                    r.report(object, path + ".securityContext.privileged", "the container is privileged");
                }
                if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    r.report(
                            object,
                            path + ".securityContext.allowPrivilegeEscalation",
                            "allowPrivilegeEscalation is not false");
                }
                List<String> drop = sc == null || sc.getCapabilities() == null
                        ? null
                        : sc.getCapabilities().getDrop();
                if (drop == null || !drop.contains("ALL")) {
                    r.report(object, path + ".securityContext.capabilities.drop", "capabilities do not drop ALL");
                }
                List<String> add = sc == null || sc.getCapabilities() == null
                        ? null
                        : sc.getCapabilities().getAdd();
                if (add != null && add.stream().anyMatch(cap -> !cap.equals("NET_BIND_SERVICE"))) {
                    r.report(
                            object,
                            path + ".securityContext.capabilities.add",
                            "capabilities add " + add + "; only NET_BIND_SERVICE is allowed");
                }
                Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null
                        ? sc.getRunAsNonRoot()
                        : psc == null ? null : psc.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    r.report(
                            object,
                            path + ".securityContext.runAsNonRoot",
                            "runAsNonRoot is not true (pod or container)");
                }
                Long user = sc != null && sc.getRunAsUser() != null
                        ? sc.getRunAsUser()
                        : psc == null ? null : psc.getRunAsUser();
                if (Long.valueOf(0).equals(user)) {
                    r.report(object, path + ".securityContext.runAsUser", "the container runs as UID 0");
                }
                var seccomp = sc != null && sc.getSeccompProfile() != null
                        ? sc.getSeccompProfile()
                        : psc == null ? null : psc.getSeccompProfile();
                if (seccomp == null || !List.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
                    r.report(
                            object,
                            path + ".securityContext.seccompProfile",
                            "no RuntimeDefault or Localhost seccomp profile (pod or container)");
                }
                if (c.getPorts() != null
                        && c.getPorts().stream().anyMatch(p -> p.getHostPort() != null && p.getHostPort() != 0)) {
                    r.report(object, path + ".ports", "the container uses a hostPort");
                }
            });
        });
    }

    private static void imageTag(Manifests m, Reporter r) {
        forEachPod(
                m,
                (object, template) -> forEachContainer(template.spec(), template.path(), (path, c) -> {
                    String image = c.getImage();
                    if (image == null || image.contains("@")) {
                        return;
                    }
                    String last = image.substring(image.lastIndexOf('/') + 1);
                    String tag = last.contains(":") ? last.substring(last.indexOf(':') + 1) : null;
                    String policy =
                            c.getImagePullPolicy() == null ? "" : " with imagePullPolicy " + c.getImagePullPolicy();
                    if (tag == null) {
                        r.report(
                                object,
                                path + ".image",
                                "the image '" + image + "' has no tag (so it is 'latest')" + policy);
                    } else if (tag.equals("latest")) {
                        r.report(object, path + ".image", "the image '" + image + "' uses the tag 'latest'" + policy);
                    }
                }));
    }

    private static void resources(Manifests m, Reporter r) {
        forEachPod(
                m,
                (object, template) -> forEachContainer(template.spec(), template.path(), (path, c) -> {
                    Map<String, Quantity> requests =
                            c.getResources() == null ? null : c.getResources().getRequests();
                    Map<String, Quantity> limits =
                            c.getResources() == null ? null : c.getResources().getLimits();
                    for (String resource : List.of("cpu", "memory")) {
                        // A request left out defaults to the limit, so a missing request matters only without a limit.
                        boolean limited = limits != null && limits.containsKey(resource);
                        if ((requests == null || !requests.containsKey(resource)) && !limited) {
                            r.report(object, path + ".resources.requests." + resource, "no " + resource + " request");
                        }
                        if (limits == null || !limits.containsKey(resource)) {
                            r.report(object, path + ".resources.limits." + resource, "no " + resource + " limit");
                        }
                    }
                }));
    }

    private static void pdb(Manifests m, Reporter r) {
        BudgetIndex budgets = new BudgetIndex(m.of(PodDisruptionBudget.class));
        for (Manifest manifest : m.all()) {
            HasMetadata object = manifest.object();
            int replicas;
            if (object instanceof StatefulSet sts) {
                replicas = StatefulSetRules.replicas(sts);
            } else if (object instanceof Deployment d && d.getSpec() != null) {
                replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            } else {
                continue;
            }
            if (replicas < 2) {
                continue;
            }
            Map<String, String> labels = PodTemplates.of(object)
                    .map(t -> t.metadata() == null || t.metadata().getLabels() == null
                            ? Map.<String, String>of()
                            : t.metadata().getLabels())
                    .orElse(Map.of());
            if (!budgets.selects(labels)) {
                r.report(object, "spec.replicas", replicas + " replicas and no PodDisruptionBudget selects their pods");
            }
        }
    }

    /**
     * Budgets indexed by one label pair of their selector, so that finding the budget of a workload
     * looks at a handful of candidates instead of every budget (linear, not quadratic, in the stream).
     */
    private static final class BudgetIndex {
        private final Map<String, List<PodDisruptionBudget>> byLabel = new java.util.HashMap<>();
        private final List<PodDisruptionBudget> unindexed = new java.util.ArrayList<>();

        BudgetIndex(List<PodDisruptionBudget> budgets) {
            for (PodDisruptionBudget b : budgets) {
                Map<String, String> match = b.getSpec() == null || b.getSpec().getSelector() == null
                        ? null
                        : b.getSpec().getSelector().getMatchLabels();
                if (match == null || match.isEmpty()) {
                    unindexed.add(b);
                } else {
                    var first = new java.util.TreeMap<>(match).firstEntry();
                    byLabel.computeIfAbsent(first.getKey() + "=" + first.getValue(), k -> new java.util.ArrayList<>())
                            .add(b);
                }
            }
        }

        boolean selects(Map<String, String> labels) {
            for (PodDisruptionBudget b : unindexed) {
                if (b.getSpec() != null && Selectors.matches(b.getSpec().getSelector(), labels)) {
                    return true;
                }
            }
            for (Map.Entry<String, String> label : labels.entrySet()) {
                for (PodDisruptionBudget b : byLabel.getOrDefault(label.getKey() + "=" + label.getValue(), List.of())) {
                    if (Selectors.matches(b.getSpec().getSelector(), labels)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static void secretEmbedded(Manifests m, Reporter r) {
        for (Secret secret : m.of(Secret.class)) {
            boolean data = secret.getData() != null && !secret.getData().isEmpty();
            boolean stringData =
                    secret.getStringData() != null && !secret.getStringData().isEmpty();
            if (data || stringData) {
                r.report(secret, data ? "data" : "stringData", "the chart holds the Secret's values");
            }
        }
    }

    static void forEachPod(Manifests m, BiConsumer<HasMetadata, PodTemplate> action) {
        for (Manifest manifest : m.all()) {
            PodTemplates.of(manifest.object())
                    .filter(t -> t.spec() != null)
                    .ifPresent(t -> action.accept(manifest.object(), t));
        }
    }

    /** Init containers and containers, each with its YAML path. */
    static void forEachContainer(PodSpec pod, String at, BiConsumer<String, Container> action) {
        List<Container> init = pod.getInitContainers();
        for (int i = 0; init != null && i < init.size(); i++) {
            action.accept(at + ".initContainers[" + i + "]", init.get(i));
        }
        List<Container> containers = pod.getContainers();
        for (int i = 0; containers != null && i < containers.size(); i++) {
            action.accept(at + ".containers[" + i + "]", containers.get(i));
        }
    }

    /** The name of the one volume source set on {@code v}, e.g. {@code hostPath}. */
    private static String volumeType(Volume v) {
        if (v.getHostPath() != null) return "hostPath";
        if (v.getConfigMap() != null) return "configMap";
        if (v.getCsi() != null) return "csi";
        if (v.getDownwardAPI() != null) return "downwardAPI";
        if (v.getEmptyDir() != null) return "emptyDir";
        if (v.getEphemeral() != null) return "ephemeral";
        if (v.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
        if (v.getProjected() != null) return "projected";
        if (v.getSecret() != null) return "secret";
        if (v.getNfs() != null) return "nfs";
        if (v.getIscsi() != null) return "iscsi";
        if (v.getGitRepo() != null) return "gitRepo";
        return null;
    }
}
