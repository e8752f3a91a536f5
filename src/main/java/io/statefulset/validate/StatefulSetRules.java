package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.statefulset.chart.vocabulary.PodManagementPolicy;
import io.statefulset.chart.vocabulary.UpdateStrategyType;
import io.statefulset.validate.Rule.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the API server and a careful reviewer check in a StatefulSet. */
final class StatefulSetRules {
    private StatefulSetRules() {}

    static final int MAX_NAME = 52;
    /** Label keys that carry a version by convention. */
    static final List<String> VERSION_LABELS =
            List.of("helm.sh/chart", "app.kubernetes.io/version", "version", "chart");

    static final Rule SELECTOR = rule(
            "sts-selector",
            Severity.ERROR,
            "The selector must be non-empty and match the pod template's labels, or the API server rejects the StatefulSet.",
            "Make spec.selector.matchLabels a subset of spec.template.metadata.labels.",
            StatefulSetRules::selector);
    static final Rule RESTART_POLICY = rule(
            "sts-restart-policy",
            Severity.ERROR,
            "StatefulSet pods must use restartPolicy Always and no activeDeadlineSeconds.",
            "Remove restartPolicy and activeDeadlineSeconds from the pod template.",
            StatefulSetRules::restartPolicy);
    static final Rule NAME_LENGTH = rule(
            "sts-name-length",
            Severity.ERROR,
            "Pods get the label controller-revision-hash=<name>-<10 characters>, and label values hold at most 63 (kubernetes#64023).",
            "Keep the StatefulSet name at most 52 characters (truncate the fullname to 52).",
            StatefulSetRules::nameLength);
    static final Rule SERVICE_NAME = rule(
            "sts-service-name",
            Severity.WARNING,
            "Without spec.serviceName pods get no stable DNS names (<pod>.<service>), which peers and clients of a StatefulSet rely on.",
            "Set spec.serviceName to a headless Service that selects the pods.",
            StatefulSetRules::serviceName);
    static final Rule HEADLESS_SERVICE = rule(
            "sts-headless-service",
            Severity.ERROR,
            "spec.serviceName must name a headless Service (clusterIP: None) that selects the pods, or per-pod DNS never appears.",
            "Add a Service with that name, clusterIP: None and the StatefulSet's selector labels.",
            StatefulSetRules::headlessService);
    static final Rule PUBLISH_NOT_READY = rule(
            "sts-publish-not-ready",
            Severity.WARNING,
            "Peers usually need each other's DNS records before they are ready (cluster bootstrap).",
            "Set publishNotReadyAddresses: true on the headless Service.",
            StatefulSetRules::publishNotReady);
    static final Rule PARTITION = rule(
            "sts-partition",
            Severity.WARNING,
            "A partition above replicas updates no pod at all.",
            "Set rollingUpdate.partition between 0 (update every pod) and replicas.",
            StatefulSetRules::partition);
    static final Rule MAX_UNAVAILABLE = rule(
            "sts-max-unavailable",
            Severity.ERROR,
            "maxUnavailable 0 is rejected, and a rollingUpdate block with OnDelete is rejected.",
            "Use maxUnavailable of at least 1 (or 1%-100%) with RollingUpdate; remove rollingUpdate with OnDelete.",
            StatefulSetRules::maxUnavailable);
    static final Rule MAX_UNAVAILABLE_ORDERED = rule(
            "sts-max-unavailable-ordered",
            Severity.WARNING,
            "maxUnavailable has no effect with podManagementPolicy OrderedReady.",
            "Use podManagementPolicy Parallel, or drop maxUnavailable.",
            StatefulSetRules::maxUnavailableOrdered);
    static final Rule TERMINATION_GRACE = rule(
            "sts-termination-grace",
            Severity.WARNING,
            "terminationGracePeriodSeconds 0 kills pods without letting them flush their data.",
            "Remove it (default 30) or give the time the application needs to shut down.",
            StatefulSetRules::terminationGrace);
    static final Rule VERSION_IN_IMMUTABLE = rule(
            "sts-version-in-immutable",
            Severity.ERROR,
            "Selector and claim templates are immutable; a version in them breaks every later helm upgrade (helm#7998).",
            "Use only app.kubernetes.io/name and app.kubernetes.io/instance there; keep version labels on the pod template.",
            StatefulSetRules::versionInImmutable);

    static List<Rule> all() {
        return List.of(
                SELECTOR,
                RESTART_POLICY,
                NAME_LENGTH,
                SERVICE_NAME,
                HEADLESS_SERVICE,
                PUBLISH_NOT_READY,
                StatefulSetVolumeRules.VOLUME_MOUNT,
                StatefulSetVolumeRules.UNUSED_CLAIM,
                StatefulSetVolumeRules.UNUSED_VOLUME,
                StatefulSetVolumeRules.SHARED_CLAIM,
                PARTITION,
                MAX_UNAVAILABLE,
                MAX_UNAVAILABLE_ORDERED,
                StatefulSetVolumeRules.RETENTION_POLICY,
                TERMINATION_GRACE,
                StatefulSetSpreadRules.NO_SPREAD,
                VERSION_IN_IMMUTABLE);
    }

    private static Rule rule(String id, Severity severity, String rationale, String fix, Rule.Check check) {
        return new Rule(id, Family.STATEFULSET, severity, rationale, fix, check);
    }

    private static void selector(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            StatefulSetSpec spec = sts.getSpec();
            if (spec == null) {
                continue;
            }
            if (Selectors.isEmpty(spec.getSelector())) {
                r.report(sts, "spec.selector", "the selector is empty");
            } else if (!Selectors.matches(spec.getSelector(), podLabels(sts))) {
                r.report(
                        sts,
                        "spec.selector",
                        "the selector " + spec.getSelector().getMatchLabels()
                                + " does not match the pod template labels " + podLabels(sts));
            }
        }
    }

    private static void restartPolicy(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            if (pod == null) {
                continue;
            }
            if (pod.getRestartPolicy() != null && !pod.getRestartPolicy().equals("Always")) {
                r.report(
                        sts,
                        "spec.template.spec.restartPolicy",
                        "restartPolicy is " + pod.getRestartPolicy() + "; StatefulSets allow only Always");
            }
            if (pod.getActiveDeadlineSeconds() != null) {
                r.report(
                        sts,
                        "spec.template.spec.activeDeadlineSeconds",
                        "activeDeadlineSeconds is not allowed in a StatefulSet's pods");
            }
        }
    }

    private static void nameLength(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            String name = sts.getMetadata().getName();
            if (name != null && name.length() > MAX_NAME) {
                r.report(sts, "metadata.name", "the name has " + name.length() + " characters, more than " + MAX_NAME);
            }
        }
    }

    private static void serviceName(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            if (sts.getSpec() != null && blank(sts.getSpec().getServiceName())) {
                r.report(sts, "spec.serviceName", "spec.serviceName is not set, so the pods get no stable DNS names");
            }
        }
    }

    private static void headlessService(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            String serviceName = sts.getSpec() == null ? null : sts.getSpec().getServiceName();
            if (blank(serviceName)) {
                continue;
            }
            Service service = service(m, serviceName);
            if (service == null) {
                r.report(sts, "spec.serviceName", "no Service named '" + serviceName + "' is part of the chart");
            } else if (service.getSpec() == null
                    || !"None".equals(service.getSpec().getClusterIP())) {
                r.report(
                        sts,
                        "spec.serviceName",
                        "the Service '" + serviceName + "' is not headless (clusterIP: None)",
                        "Set clusterIP: None on '" + serviceName + "' and use a second Service for client traffic.");
            } else if (service.getSpec().getSelector() == null
                    || service.getSpec().getSelector().isEmpty()
                    || !Selectors.matches(service.getSpec().getSelector(), podLabels(sts))) {
                r.report(
                        sts,
                        "spec.serviceName",
                        "the headless Service '" + serviceName + "' selects "
                                + service.getSpec().getSelector() + ", which does not match the pod labels "
                                + podLabels(sts));
            }
        }
    }

    private static void publishNotReady(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            String serviceName = sts.getSpec() == null ? null : sts.getSpec().getServiceName();
            Service service = blank(serviceName) ? null : service(m, serviceName);
            if (service != null
                    && service.getSpec() != null
                    && "None".equals(service.getSpec().getClusterIP())
                    && !Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses())) {
                r.report(
                        service,
                        "spec.publishNotReadyAddresses",
                        "the headless Service of StatefulSet '"
                                + sts.getMetadata().getName() + "' publishes only ready pods");
            }
        }
    }

    private static void partition(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            StatefulSetUpdateStrategy strategy =
                    sts.getSpec() == null ? null : sts.getSpec().getUpdateStrategy();
            Integer partition = strategy == null || strategy.getRollingUpdate() == null
                    ? null
                    : strategy.getRollingUpdate().getPartition();
            // Ordinals run from ordinals.start; a partition above start + replicas updates no pod.
            int start = sts.getSpec().getOrdinals() == null
                            || sts.getSpec().getOrdinals().getStart() == null
                    ? 0
                    : sts.getSpec().getOrdinals().getStart();
            if (partition != null && partition > start + replicas(sts)) {
                r.report(
                        sts,
                        "spec.updateStrategy.rollingUpdate.partition",
                        "partition " + partition + " is above the last ordinal (" + (start + replicas(sts) - 1)
                                + "), so no pod is updated");
            }
        }
    }

    private static void maxUnavailable(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            StatefulSetUpdateStrategy strategy =
                    sts.getSpec() == null ? null : sts.getSpec().getUpdateStrategy();
            if (strategy == null || strategy.getRollingUpdate() == null) {
                continue;
            }
            if (UpdateStrategyType.ON_DELETE.value().equals(strategy.getType())) {
                r.report(
                        sts,
                        "spec.updateStrategy.rollingUpdate",
                        "a rollingUpdate block with type OnDelete is rejected by the API server");
            }
            IntOrString max = strategy.getRollingUpdate().getMaxUnavailable();
            if (max != null && (Integer.valueOf(0).equals(max.getIntVal()) || "0%".equals(max.getStrVal()))) {
                r.report(
                        sts,
                        "spec.updateStrategy.rollingUpdate.maxUnavailable",
                        "maxUnavailable 0 is rejected by the API server");
            }
        }
    }

    private static void maxUnavailableOrdered(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            StatefulSetSpec spec = sts.getSpec();
            if (spec == null
                    || spec.getUpdateStrategy() == null
                    || spec.getUpdateStrategy().getRollingUpdate() == null
                    || spec.getUpdateStrategy().getRollingUpdate().getMaxUnavailable() == null) {
                continue;
            }
            String policy = spec.getPodManagementPolicy() == null
                    ? PodManagementPolicy.ORDERED_READY.value()
                    : spec.getPodManagementPolicy();
            if (policy.equals(PodManagementPolicy.ORDERED_READY.value())) {
                r.report(
                        sts,
                        "spec.updateStrategy.rollingUpdate.maxUnavailable",
                        "maxUnavailable is ignored with podManagementPolicy OrderedReady");
            }
        }
    }

    private static void terminationGrace(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            if (pod != null && Long.valueOf(0).equals(pod.getTerminationGracePeriodSeconds())) {
                r.report(sts, "spec.template.spec.terminationGracePeriodSeconds", "terminationGracePeriodSeconds is 0");
            }
        }
    }

    private static void versionInImmutable(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            if (sts.getSpec() == null) {
                continue;
            }
            if (sts.getSpec().getSelector() != null) {
                versioned(sts.getSpec().getSelector().getMatchLabels(), m)
                        .forEach((key, value) -> r.report(
                                sts,
                                "spec.selector.matchLabels." + key,
                                "the selector label " + key + "=" + value + " changes with the version"));
            }
            List<PersistentVolumeClaim> claims = sts.getSpec().getVolumeClaimTemplates();
            for (int i = 0; claims != null && i < claims.size(); i++) {
                var meta = claims.get(i).getMetadata();
                if (meta == null) {
                    continue;
                }
                String at = "spec.volumeClaimTemplates[" + i + "].metadata.";
                int index = i;
                versioned(meta.getLabels(), m)
                        .forEach((key, value) -> r.report(
                                sts,
                                at + "labels." + key,
                                "the claim template label " + key + "=" + value + " changes with the version"));
                versioned(meta.getAnnotations(), m)
                        .forEach((key, value) -> r.report(
                                sts,
                                at + "annotations." + key,
                                "the claim template " + index + " annotation " + key + "=" + value
                                        + " changes with the version"));
            }
        }
    }

    /** Entries whose key is a version label or whose value contains the chart's version or appVersion. */
    private static Map<String, String> versioned(Map<String, String> labels, Manifests m) {
        Map<String, String> found = new LinkedHashMap<>();
        if (labels == null) {
            return found;
        }
        labels.forEach((key, value) -> {
            boolean versionKey = VERSION_LABELS.contains(key);
            boolean versionValue = value != null && m.versionStrings().stream().anyMatch(v -> carriesVersion(value, v));
            if (versionKey || versionValue) {
                found.put(key, value);
            }
        });
        return found;
    }

    /**
     * Whether a label value carries version {@code v}: equal to it, or containing it as a whole
     * dash-separated part (web-1.2.3, 1.2.3-web). Versions without a digit ("dev", "latest") are too
     * common a word to tell anything.
     */
    static boolean carriesVersion(String value, String v) {
        if (v.isEmpty() || v.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        return value.equals(v) || value.endsWith("-" + v) || value.startsWith(v + "-") || value.contains("-" + v + "-");
    }

    static Map<String, String> podLabels(StatefulSet sts) {
        var template = sts.getSpec() == null ? null : sts.getSpec().getTemplate();
        return template == null
                        || template.getMetadata() == null
                        || template.getMetadata().getLabels() == null
                ? Map.of()
                : template.getMetadata().getLabels();
    }

    static PodSpec podSpec(StatefulSet sts) {
        return sts.getSpec() == null || sts.getSpec().getTemplate() == null
                ? null
                : sts.getSpec().getTemplate().getSpec();
    }

    static int replicas(StatefulSet sts) {
        return sts.getSpec() == null || sts.getSpec().getReplicas() == null
                ? 1
                : sts.getSpec().getReplicas();
    }

    private static Service service(Manifests m, String name) {
        return m.named(Service.class, name);
    }

    static List<Container> concat(List<Container> a, List<Container> b) {
        List<Container> all = new ArrayList<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
