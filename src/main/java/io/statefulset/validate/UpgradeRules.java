package io.statefulset.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.vocabulary.PodManagementPolicy;
import io.statefulset.validate.Rule.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the StatefulSets of the previous release with the new ones and reports every change
 * the API server refuses in an update, with its own error message and the way out.
 */
public final class UpgradeRules {
    /** What the API server answers (verbatim) to an update of a frozen StatefulSet field. */
    public static final String FORBIDDEN =
            "StatefulSet.apps \"%s\" is invalid: spec: Forbidden: updates to statefulset spec for fields"
                    + " other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy'"
                    + " and 'minReadySeconds' are forbidden";

    public static final Rule IMMUTABLE_FIELD = new Rule(
            "upgrade-immutable-field",
            Family.UPGRADE,
            Severity.ERROR,
            "helm upgrade fails when it changes a StatefulSet's selector, serviceName, podManagementPolicy or volumeClaimTemplates.",
            "Keep the field as it was; if the change is intended, delete the StatefulSet without its pods"
                    + " (kubectl delete statefulset NAME --cascade=orphan) and run helm upgrade again.",
            null);
    public static final Rule REMOVED = new Rule(
            "upgrade-statefulset-removed",
            Family.UPGRADE,
            Severity.WARNING,
            "A StatefulSet that disappears or is renamed in an upgrade leaves its PVCs (and data) behind, unused.",
            "Keep the StatefulSet's name (fullnameOverride), or migrate the data before upgrading.",
            null);

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpgradeRules() {}

    static List<Rule> all() {
        return List.of(IMMUTABLE_FIELD, REMOVED);
    }

    /** One refused change: the field, its value before and after. */
    public record Change(StatefulSet statefulSet, String path, String before, String after) {}

    /** Every change of a frozen field between StatefulSets of the same name in {@code previous} and {@code current}. */
    public static List<Change> immutableChanges(Manifests previous, Manifests current) {
        Map<String, StatefulSet> before = byName(previous);
        List<Change> changes = new ArrayList<>();
        for (StatefulSet now : current.of(StatefulSet.class)) {
            StatefulSet then = before.get(now.getMetadata().getName());
            if (then == null || then.getSpec() == null || now.getSpec() == null) {
                continue;
            }
            diff(
                    "spec.selector",
                    JSON.valueToTree(then.getSpec().getSelector()),
                    JSON.valueToTree(now.getSpec().getSelector()),
                    now,
                    changes);
            diff(
                    "spec.serviceName",
                    JSON.valueToTree(then.getSpec().getServiceName()),
                    JSON.valueToTree(now.getSpec().getServiceName()),
                    now,
                    changes);
            diff(
                    "spec.podManagementPolicy",
                    JSON.valueToTree(policy(then)),
                    JSON.valueToTree(policy(now)),
                    now,
                    changes);
            List<String> namesBefore = claimNames(then);
            List<String> namesAfter = claimNames(now);
            if (!namesBefore.equals(namesAfter)
                    && new java.util.HashSet<>(namesBefore).equals(new java.util.HashSet<>(namesAfter))) {
                // The API server compares the list in order: the same claims in another order is a change too.
                changes.add(
                        new Change(now, "spec.volumeClaimTemplates", "order " + namesBefore, "order " + namesAfter));
            }
            diff("spec.volumeClaimTemplates", claims(then), claims(now), now, changes);
        }
        return changes;
    }

    /** StatefulSets of {@code previous} that {@code current} no longer has. */
    public static List<StatefulSet> removed(Manifests previous, Manifests current) {
        Map<String, StatefulSet> now = byName(current);
        return previous.of(StatefulSet.class).stream()
                .filter(s -> !now.containsKey(s.getMetadata().getName()))
                .toList();
    }

    /** The fix for one change, with the resize steps when only a claim's storage grew. */
    public static String fix(Change change) {
        String name = change.statefulSet().getMetadata().getName();
        String orphan = "kubectl delete statefulset " + name
                + " --cascade=orphan, then helm upgrade (pods and PVCs are kept and adopted)";
        if (change.path().endsWith(".spec.resources.requests.storage")) {
            String claim = change.path().replaceAll("^spec\\.volumeClaimTemplates\\[([^]]+)].*$", "$1");
            return "Resize the existing PVCs first (their StorageClass needs allowVolumeExpansion): kubectl patch pvc "
                    + claim + "-" + name
                    + "-<ordinal> -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"" + change.after()
                    + "\"}}}}' for every ordinal; then "
                    + orphan + ".";
        }
        return "Keep the old value if the change was not intended; otherwise " + orphan + ".";
    }

    /** Claim templates keyed by name, so a reordering is not a change but a new size is. */
    /**
     * Claim templates keyed by name (for readable paths), as the API server sees them after
     * defaulting: volumeMode Filesystem when unset, so that writing the default out is no change.
     */
    private static JsonNode claims(StatefulSet sts) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        List<PersistentVolumeClaim> claims = sts.getSpec().getVolumeClaimTemplates();
        if (claims != null) {
            for (PersistentVolumeClaim claim : claims) {
                String name =
                        claim.getMetadata() == null ? "?" : claim.getMetadata().getName();
                com.fasterxml.jackson.databind.node.ObjectNode tree = JSON.valueToTree(claim);
                JsonNode spec = tree.get("spec");
                if (spec instanceof com.fasterxml.jackson.databind.node.ObjectNode specObject
                        && !specObject.hasNonNull("volumeMode")) {
                    specObject.put("volumeMode", "Filesystem");
                }
                byName.put(name, tree);
            }
        }
        return JSON.valueToTree(byName);
    }

    private static List<String> claimNames(StatefulSet sts) {
        List<PersistentVolumeClaim> claims = sts.getSpec().getVolumeClaimTemplates();
        return claims == null
                ? List.of()
                : claims.stream()
                        .map(c ->
                                c.getMetadata() == null ? "?" : c.getMetadata().getName())
                        .toList();
    }

    private static String policy(StatefulSet sts) {
        return sts.getSpec().getPodManagementPolicy() == null
                ? PodManagementPolicy.ORDERED_READY.value()
                : sts.getSpec().getPodManagementPolicy();
    }

    private static void diff(String path, JsonNode before, JsonNode after, StatefulSet sts, List<Change> changes) {
        if (before.equals(after) || (path.contains(".resources.") && sameQuantity(before, after))) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String child = path.equals("spec.volumeClaimTemplates") ? path + "[" + key + "]" : path + "." + key;
                diff(child, missing(before.get(key)), missing(after.get(key)), sts, changes);
            }
            return;
        }
        changes.add(new Change(sts, path, text(before), text(after)));
    }

    /** 1Gi and 1024Mi are the same quantity to the API server. */
    private static boolean sameQuantity(JsonNode before, JsonNode after) {
        if (!before.isValueNode() || !after.isValueNode()) {
            return false;
        }
        var a = io.statefulset.chart.KubernetesSyntax.quantity(before.asText());
        var b = io.statefulset.chart.KubernetesSyntax.quantity(after.asText());
        return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
    }

    private static JsonNode missing(JsonNode node) {
        return node == null ? JSON.nullNode() : node;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "(absent)";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static Map<String, StatefulSet> byName(Manifests manifests) {
        Map<String, StatefulSet> map = new LinkedHashMap<>();
        for (StatefulSet sts : manifests.of(StatefulSet.class)) {
            map.put(sts.getMetadata().getName(), sts);
        }
        return map;
    }
}
