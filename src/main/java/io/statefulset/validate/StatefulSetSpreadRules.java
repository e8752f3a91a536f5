package io.statefulset.validate;

import static io.statefulset.validate.StatefulSetRules.podSpec;
import static io.statefulset.validate.StatefulSetRules.replicas;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.validate.Rule.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether a StatefulSet's replicas are kept apart, so that one node failure does not take all of them. */
final class StatefulSetSpreadRules {
    private StatefulSetSpreadRules() {}

    static final Rule NO_SPREAD = new Rule(
            "sts-no-spread",
            Family.STATEFULSET,
            Severity.WARNING,
            "Without pod anti-affinity or topologySpreadConstraints on its own pods, the scheduler may put every replica on one node, and losing that node loses them all (and a quorum with them).",
            "Add a pod anti-affinity term (preferred, topologyKey kubernetes.io/hostname) or a topologySpreadConstraint whose labelSelector matches the pod labels; generated charts do this with podAntiAffinity soft, the default.",
            StatefulSetSpreadRules::noSpread);

    private static void noSpread(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            int replicas = replicas(sts);
            if (pod == null || replicas < 2) {
                continue;
            }
            Map<String, String> labels = StatefulSetRules.podLabels(sts);
            if (antiAffinitySelects(pod.getAffinity(), labels) || spreadSelects(pod, labels)) {
                continue;
            }
            r.report(
                    sts,
                    "spec.template.spec.affinity",
                    replicas + " replicas and neither a pod anti-affinity term nor a topologySpreadConstraint"
                            + " selects their pods " + labels + ", so they may all run on one node");
        }
    }

    /** A required or preferred anti-affinity term whose selector matches the pods themselves. */
    private static boolean antiAffinitySelects(Affinity affinity, Map<String, String> labels) {
        PodAntiAffinity anti = affinity == null ? null : affinity.getPodAntiAffinity();
        if (anti == null) {
            return false;
        }
        List<PodAffinityTerm> terms = new ArrayList<>();
        if (anti.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
            terms.addAll(anti.getRequiredDuringSchedulingIgnoredDuringExecution());
        }
        if (anti.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
            anti.getPreferredDuringSchedulingIgnoredDuringExecution().stream()
                    .map(WeightedPodAffinityTerm::getPodAffinityTerm)
                    .forEach(terms::add);
        }
        return terms.stream()
                .anyMatch(t -> t != null
                        && t.getTopologyKey() != null
                        && !t.getTopologyKey().isBlank()
                        && Selectors.matches(t.getLabelSelector(), labels));
    }

    private static boolean spreadSelects(PodSpec pod, Map<String, String> labels) {
        List<TopologySpreadConstraint> constraints = pod.getTopologySpreadConstraints();
        return constraints != null
                && constraints.stream().anyMatch(c -> Selectors.matches(c.getLabelSelector(), labels));
    }
}
