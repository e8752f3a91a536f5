package io.statefulset.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upgrade diff against what the API server really refuses and allows. */
class UpgradeRulesTest {
    static final String STS = "StatefulSet";
    static final String NAME = "shop-web";

    static List<String> changedPaths(EditableStream before, EditableStream after) throws Exception {
        return UpgradeRules.immutableChanges(ManifestReader.read(before.render()), ManifestReader.read(after.render()))
                .stream()
                .map(UpgradeRules.Change::path)
                .toList();
    }

    static EditableStream withClaims(List<Map<String, Object>> claims) {
        EditableStream s = EditableStream.clean();
        s.set(STS, NAME, "spec.volumeClaimTemplates", claims);
        return s;
    }

    static Map<String, Object> claim(String name, String size, String volumeMode) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of(
                "accessModes", List.of("ReadWriteOnce"), "resources", Map.of("requests", Map.of("storage", size))));
        if (volumeMode != null) {
            spec.put("volumeMode", volumeMode);
        }
        return Map.of("metadata", Map.of("name", name), "spec", spec);
    }

    @Test
    void allowedChangesPass() throws Exception {
        EditableStream after = EditableStream.clean();
        after.set(STS, NAME, "spec.replicas", 7);
        after.set(STS, NAME, "spec.minReadySeconds", 30);
        after.set(STS, NAME, "spec.template.spec.containers[0].image", "registry.example.org/web:9.9.9");
        after.set(STS, NAME, "spec.updateStrategy.rollingUpdate.partition", 2);
        after.set(STS, NAME, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", "Delete");
        assertThat(changedPaths(EditableStream.clean(), after)).isEmpty();
    }

    @Test
    void frozenFieldsAreReported() throws Exception {
        EditableStream after = EditableStream.clean();
        after.set(STS, NAME, "spec.serviceName", "shop-web-peers");
        after.set(STS, NAME, "spec.podManagementPolicy", "OrderedReady");
        after.set(STS, NAME, "spec.selector.matchLabels.tier", "web");
        after.set(STS, NAME, "spec.template.metadata.labels.tier", "web");
        assertThat(changedPaths(EditableStream.clean(), after))
                .containsExactlyInAnyOrder(
                        "spec.serviceName", "spec.podManagementPolicy", "spec.selector.matchLabels.tier");
    }

    @Test
    void theSameQuantityWrittenDifferentlyAndTheDefaultVolumeModeAreNoChange() throws Exception {
        EditableStream before = withClaims(List.of(claim("data", "1Gi", null)));
        EditableStream after = withClaims(List.of(claim("data", "1024Mi", "Filesystem")));
        assertThat(changedPaths(before, after)).isEmpty();
        assertThat(changedPaths(before, withClaims(List.of(claim("data", "2Gi", null)))))
                .containsExactly("spec.volumeClaimTemplates[data].spec.resources.requests.storage");
        assertThat(changedPaths(before, withClaims(List.of(claim("data", "1Gi", "Block")))))
                .containsExactly("spec.volumeClaimTemplates[data].spec.volumeMode");
    }

    @Test
    void reorderedClaimTemplatesAreAChange() throws Exception {
        EditableStream before = withClaims(List.of(claim("data", "1Gi", null), claim("logs", "1Gi", null)));
        EditableStream after = withClaims(List.of(claim("logs", "1Gi", null), claim("data", "1Gi", null)));
        assertThat(changedPaths(before, after)).containsExactly("spec.volumeClaimTemplates");
    }
}
