package io.statefulset.validate;

import static io.statefulset.validate.StatefulSetRules.concat;
import static io.statefulset.validate.StatefulSetRules.podSpec;
import static io.statefulset.validate.StatefulSetRules.replicas;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.vocabulary.AccessMode;
import io.statefulset.chart.vocabulary.ClaimRetentionPolicy;
import io.statefulset.chart.vocabulary.Vocabulary;
import io.statefulset.validate.Rule.Family;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the API server and a careful reviewer check in a StatefulSet's volumes, mounts and claims. */
final class StatefulSetVolumeRules {
    private StatefulSetVolumeRules() {}

    static final Rule VOLUME_MOUNT = rule(
            "sts-volume-mount",
            Severity.ERROR,
            "A volumeMount that names neither a volume nor a claim template is rejected by the API server.",
            "Name an entry of spec.template.spec.volumes or spec.volumeClaimTemplates, or remove the mount.",
            StatefulSetVolumeRules::volumeMount);
    static final Rule UNUSED_CLAIM = rule(
            "sts-unused-claim",
            Severity.WARNING,
            "A claim template nothing mounts provisions a volume per pod that holds nothing.",
            "Mount the claim in a container (volumeMounts[].name = the claim's name) or remove it.",
            StatefulSetVolumeRules::unusedClaim);
    static final Rule UNUSED_VOLUME = rule(
            "sts-unused-volume",
            Severity.WARNING,
            "A declared volume that no container mounts is dead configuration, often a mount that was forgotten.",
            "Mount the volume in a container or remove it.",
            StatefulSetVolumeRules::unusedVolume);
    static final Rule SHARED_CLAIM = rule(
            "sts-shared-claim",
            Severity.ERROR,
            "Several replicas mounting one PersistentVolumeClaim share one disk; a ReadWriteOnce claim cannot even attach on two nodes.",
            "Use spec.volumeClaimTemplates so that every pod gets its own claim.",
            StatefulSetVolumeRules::sharedClaim);
    static final Rule RETENTION_POLICY = rule(
            "sts-retention-policy",
            Severity.ERROR,
            "persistentVolumeClaimRetentionPolicy accepts only Retain and Delete.",
            "Set whenDeleted and whenScaled to Retain or Delete.",
            StatefulSetVolumeRules::retentionPolicy);

    private static Rule rule(String id, Severity severity, String rationale, String fix, Rule.Check check) {
        return new Rule(id, Family.STATEFULSET, severity, rationale, fix, check);
    }

    private static void volumeMount(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            if (pod == null) {
                continue;
            }
            Set<String> known = new HashSet<>(volumeNames(pod));
            known.addAll(claimNames(sts));
            mounts(pod).forEach((path, mount) -> {
                if (!known.contains(mount.getName())) {
                    r.report(
                            sts,
                            path + ".name",
                            "the mount names '" + mount.getName()
                                    + "', which is neither a volume nor a claim template");
                }
            });
        }
    }

    private static void unusedClaim(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            Set<String> mounted = mountedNames(pod);
            List<String> claims = claimNames(sts);
            for (int i = 0; i < claims.size(); i++) {
                if (!mounted.contains(claims.get(i))) {
                    r.report(
                            sts,
                            "spec.volumeClaimTemplates[" + i + "]",
                            "the claim template '" + claims.get(i) + "' is mounted by no container");
                }
            }
        }
    }

    private static void unusedVolume(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            if (pod == null || pod.getVolumes() == null) {
                continue;
            }
            Set<String> mounted = mountedNames(pod);
            for (int i = 0; i < pod.getVolumes().size(); i++) {
                String name = pod.getVolumes().get(i).getName();
                if (!mounted.contains(name)) {
                    r.report(
                            sts,
                            "spec.template.spec.volumes[" + i + "]",
                            "the volume '" + name + "' is mounted by no container");
                }
            }
        }
    }

    private static void sharedClaim(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            PodSpec pod = podSpec(sts);
            int replicas = replicas(sts);
            if (pod == null || pod.getVolumes() == null || replicas < 2) {
                continue;
            }
            for (int i = 0; i < pod.getVolumes().size(); i++) {
                Volume volume = pod.getVolumes().get(i);
                if (volume.getPersistentVolumeClaim() == null) {
                    continue;
                }
                String claim = volume.getPersistentVolumeClaim().getClaimName();
                PersistentVolumeClaim pvc = claim == null ? null : m.named(PersistentVolumeClaim.class, claim);
                List<String> modes = pvc == null || pvc.getSpec() == null
                        ? null
                        : pvc.getSpec().getAccessModes();
                // Only a claim of the chart tells its access mode; a shared ReadWriteMany volume from outside may be
                // deliberate.
                if (modes == null
                        || (!modes.contains(AccessMode.READ_WRITE_ONCE.value())
                                && !modes.contains(AccessMode.READ_WRITE_ONCE_POD.value()))) {
                    continue;
                }
                r.report(
                        sts,
                        "spec.template.spec.volumes[" + i + "].persistentVolumeClaim.claimName",
                        "all " + replicas
                                + " replicas mount the one claim '" + claim + "'"
                                + (" (" + String.join(", ", modes) + ")"));
            }
        }
    }

    private static void retentionPolicy(Manifests m, Reporter r) {
        for (StatefulSet sts : m.of(StatefulSet.class)) {
            var policy = sts.getSpec() == null ? null : sts.getSpec().getPersistentVolumeClaimRetentionPolicy();
            if (policy == null) {
                continue;
            }
            if (policy.getWhenDeleted() != null && !retention(policy.getWhenDeleted())) {
                r.report(
                        sts,
                        "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
                        "'" + policy.getWhenDeleted() + "' is neither Retain nor Delete");
            }
            if (policy.getWhenScaled() != null && !retention(policy.getWhenScaled())) {
                r.report(
                        sts,
                        "spec.persistentVolumeClaimRetentionPolicy.whenScaled",
                        "'" + policy.getWhenScaled() + "' is neither Retain nor Delete");
            }
        }
    }

    private static boolean retention(String policy) {
        return Vocabulary.parse(ClaimRetentionPolicy.class, policy).isPresent();
    }

    private static List<String> volumeNames(PodSpec pod) {
        return pod.getVolumes() == null
                ? List.of()
                : pod.getVolumes().stream().map(Volume::getName).toList();
    }

    /** Every volumeMount of every container and init container, by YAML path. */
    private static Map<String, VolumeMount> mounts(PodSpec pod) {
        Map<String, VolumeMount> mounts = new LinkedHashMap<>();
        if (pod == null) {
            return mounts;
        }
        addMounts(mounts, pod.getInitContainers(), "spec.template.spec.initContainers");
        addMounts(mounts, pod.getContainers(), "spec.template.spec.containers");
        return mounts;
    }

    private static void addMounts(Map<String, VolumeMount> mounts, List<Container> containers, String path) {
        for (int c = 0; containers != null && c < containers.size(); c++) {
            List<VolumeMount> list = containers.get(c).getVolumeMounts();
            for (int i = 0; list != null && i < list.size(); i++) {
                mounts.put(path + "[" + c + "].volumeMounts[" + i + "]", list.get(i));
            }
        }
    }

    private static Set<String> mountedNames(PodSpec pod) {
        Set<String> names = new HashSet<>();
        mounts(pod).values().forEach(v -> names.add(v.getName()));
        if (pod != null) {
            for (Container c : concat(pod.getInitContainers(), pod.getContainers())) {
                if (c.getVolumeDevices() != null) {
                    c.getVolumeDevices().forEach(d -> names.add(d.getName()));
                }
            }
        }
        return names;
    }

    private static List<String> claimNames(StatefulSet sts) {
        List<String> names = new ArrayList<>();
        if (sts.getSpec() != null && sts.getSpec().getVolumeClaimTemplates() != null) {
            for (PersistentVolumeClaim claim : sts.getSpec().getVolumeClaimTemplates()) {
                names.add(
                        claim.getMetadata() == null ? null : claim.getMetadata().getName());
            }
        }
        return names;
    }
}
