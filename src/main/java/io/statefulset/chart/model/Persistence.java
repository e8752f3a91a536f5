package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.enumOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.ValuesTree.Builder;
import io.statefulset.chart.vocabulary.AccessMode;
import io.statefulset.chart.vocabulary.ClaimRetentionPolicy;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Per-pod storage: the claim templates ({@code <volumeClaimTemplates>}) and what happens to their
 * claims when the StatefulSet is deleted or scaled down ({@code <persistentVolumeClaimRetentionPolicy>}).
 */
public final class Persistence {
    static final ClaimRetentionPolicy DEFAULT_RETENTION = ClaimRetentionPolicy.RETAIN;

    private final List<Claim> claims;
    private final ClaimRetentionPolicy whenDeleted;
    private final ClaimRetentionPolicy whenScaled;

    private Persistence(RawConfiguration raw, Problems problems) {
        List<? extends RawConfiguration.VolumeClaimTemplate> given = Given.list(raw.volumeClaimTemplates());
        List<Claim> resolved = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> mountPaths = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            resolved.add(Claim.resolve(given.get(i), i, names, mountPaths, problems));
        }
        claims = List.copyOf(resolved);
        RawConfiguration.RetentionPolicy retention = raw.persistentVolumeClaimRetentionPolicy();
        whenDeleted = retention(
                "<persistentVolumeClaimRetentionPolicy><whenDeleted>",
                of(retention, RawConfiguration.RetentionPolicy::whenDeleted),
                problems);
        whenScaled = retention(
                "<persistentVolumeClaimRetentionPolicy><whenScaled>",
                of(retention, RawConfiguration.RetentionPolicy::whenScaled),
                problems);
    }

    static Persistence resolve(RawConfiguration raw, Problems problems) {
        return new Persistence(raw, problems);
    }

    private static ClaimRetentionPolicy retention(String element, String given, Problems problems) {
        return problems.oneOf(element, or(given, DEFAULT_RETENTION.value()), ClaimRetentionPolicy.class)
                .orElse(DEFAULT_RETENTION);
    }

    /** {@code persistence} and {@code persistentVolumeClaimRetentionPolicy}. */
    void values(Builder values) {
        Map<String, Consumer<Builder>> named = new TreeMap<>();
        claims.forEach(claim -> named.put(claim.name(), b -> claim(b, claim)));
        Claim prototype = Claim.withDefaults("data", "/data");
        values.section(
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
                                        ValueSchemas.DNS_LABEL,
                                        List.of("mountPath", "size", "accessModes"),
                                        b -> claim(b, prototype),
                                        named))
                .section(
                        "persistentVolumeClaimRetentionPolicy",
                        "Whether PVCs outlive the StatefulSet (Kubernetes 1.27+)",
                        retention -> retention
                                .leaf(
                                        "whenDeleted",
                                        "What happens to PVCs when the StatefulSet is deleted (helm uninstall)",
                                        whenDeleted.value(),
                                        enumOf(Vocabulary.values(ClaimRetentionPolicy.class)))
                                .leaf(
                                        "whenScaled",
                                        "What happens to the PVCs of removed pods when replicas go down",
                                        whenScaled.value(),
                                        enumOf(Vocabulary.values(ClaimRetentionPolicy.class))));
    }

    private static void claim(Builder b, Claim claim) {
        b.leaf(
                        "mountPath",
                        "Where the container sees the volume",
                        claim.mountPath(),
                        string(ValueSchemas.ABSOLUTE_PATH))
                .leaf(
                        "size",
                        "Requested storage (resizing needs a StorageClass with allowVolumeExpansion)",
                        claim.size(),
                        string(ValueSchemas.QUANTITY))
                .leaf(
                        "accessModes",
                        "Access modes of each pod's claim",
                        claim.accessModes().stream().map(AccessMode::value).toList(),
                        schema("type", "array", "minItems", 1, "items", enumOf(Vocabulary.values(AccessMode.class))))
                .leaf(
                        "storageClass",
                        "StorageClass; empty uses the cluster default, '-' disables dynamic provisioning",
                        claim.storageClassName(),
                        string());
    }

    public List<Claim> claims() {
        return claims;
    }

    /** What happens to the claims when the StatefulSet is deleted. */
    public ClaimRetentionPolicy whenDeleted() {
        return whenDeleted;
    }

    /** What happens to the claims of removed pods when replicas go down. */
    public ClaimRetentionPolicy whenScaled() {
        return whenScaled;
    }
}
