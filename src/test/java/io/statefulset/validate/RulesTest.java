package io.statefulset.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against a hand-written clean release: one change that must trigger it (at the
 * expected path) and one valid variant that must not.
 */
class RulesTest {
    static final String STS = "StatefulSet";
    static final String NAME = "shop-web";
    static final String POD = "spec.template.spec.";
    static final String WEB = POD + "containers[0].";

    static List<Finding> findings(EditableStream stream) throws Exception {
        Manifests manifests = ManifestReader.read(stream.render())
                .withRelease("shop")
                .withVersionStrings(Set.of("2.4.1", "1.3.0", "web-1.3.0"));
        return new Validator(ValidationConfig.defaults()).check(manifests, null);
    }

    @Test
    void cleanReleaseHasNoFindings() throws Exception {
        assertThat(findings(EditableStream.clean())).isEmpty();
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                v(
                        "sts-selector",
                        "spec.selector",
                        s -> s.set(STS, NAME, "spec.selector.matchLabels[\"app.kubernetes.io/name\"]", "other")),
                v("sts-selector", "spec.selector", s -> s.set(STS, NAME, "spec.selector.matchLabels", Map.of())),
                v(
                        "sts-restart-policy",
                        POD + "restartPolicy",
                        s -> s.set(STS, NAME, POD + "restartPolicy", "OnFailure")),
                v("sts-name-length", "metadata.name", s -> s.set(STS, NAME, "metadata.name", "shop-" + "w".repeat(48))),
                v("sts-service-name", "spec.serviceName", s -> s.remove(STS, NAME, "spec.serviceName")),
                v("sts-headless-service", "spec.serviceName", s -> s.set(STS, NAME, "spec.serviceName", "shop-web")),
                v(
                        "sts-headless-service",
                        "spec.serviceName",
                        s -> s.set(STS, NAME, "spec.serviceName", "shop-web-peers")),
                v(
                        "sts-headless-service",
                        "spec.serviceName",
                        s -> s.set("Service", "shop-web-headless", "spec.selector[\"app.kubernetes.io/name\"]", "api")),
                v(
                        "sts-publish-not-ready",
                        "spec.publishNotReadyAddresses",
                        s -> s.set("Service", "shop-web-headless", "spec.publishNotReadyAddresses", false)),
                v(
                        "sts-volume-mount",
                        WEB + "volumeMounts[2].name",
                        s -> s.set(STS, NAME, WEB + "volumeMounts[2]", Map.of("name", "cache", "mountPath", "/cache"))),
                v(
                        "sts-volume-mount",
                        POD + "initContainers[0].volumeMounts[0].name",
                        s -> s.set(STS, NAME, POD + "initContainers[0].volumeMounts[0].name", "seed")),
                v(
                        "sts-unused-claim",
                        "spec.volumeClaimTemplates[1]",
                        s -> s.set(
                                STS,
                                NAME,
                                "spec.volumeClaimTemplates[1]",
                                Map.of(
                                        "metadata",
                                        Map.of("name", "logs"),
                                        "spec",
                                        Map.of(
                                                "accessModes",
                                                List.of("ReadWriteOnce"),
                                                "resources",
                                                Map.of("requests", Map.of("storage", "1Gi")))))),
                v(
                        "sts-unused-volume",
                        POD + "volumes[1]",
                        s -> s.set(STS, NAME, POD + "volumes[1]", Map.of("name", "config", "emptyDir", Map.of()))),
                v("sts-shared-claim", POD + "volumes[1].persistentVolumeClaim.claimName", s -> sharedClaim(s)),
                v(
                        "sts-partition",
                        "spec.updateStrategy.rollingUpdate.partition",
                        s -> s.set(STS, NAME, "spec.updateStrategy.rollingUpdate.partition", 5)),
                v(
                        "sts-max-unavailable",
                        "spec.updateStrategy.rollingUpdate.maxUnavailable",
                        s -> s.set(STS, NAME, "spec.updateStrategy.rollingUpdate.maxUnavailable", 0)),
                v(
                        "sts-max-unavailable",
                        "spec.updateStrategy.rollingUpdate",
                        s -> s.set(STS, NAME, "spec.updateStrategy.type", "OnDelete")),
                v(
                        "sts-max-unavailable-ordered",
                        "spec.updateStrategy.rollingUpdate.maxUnavailable",
                        s -> s.set(STS, NAME, "spec.podManagementPolicy", "OrderedReady")),
                v(
                        "sts-retention-policy",
                        "spec.persistentVolumeClaimRetentionPolicy.whenDeleted",
                        s -> s.set(STS, NAME, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", "Keep")),
                v(
                        "sts-termination-grace",
                        POD + "terminationGracePeriodSeconds",
                        s -> s.set(STS, NAME, POD + "terminationGracePeriodSeconds", 0)),
                v("sts-no-spread", POD + "affinity", s -> s.remove(STS, NAME, POD + "affinity")),
                v(
                        "sts-no-spread",
                        POD + "affinity",
                        s -> s.set(
                                STS,
                                NAME,
                                POD + "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]"
                                        + ".podAffinityTerm.labelSelector.matchLabels[\"app.kubernetes.io/name\"]",
                                "api")),
                v("sts-version-in-immutable", "spec.selector.matchLabels.helm.sh/chart", s -> {
                    s.set(STS, NAME, "spec.selector.matchLabels[\"helm.sh/chart\"]", "web-1.3.0");
                    s.set(STS, NAME, "spec.template.metadata.labels[\"helm.sh/chart\"]", "web-1.3.0");
                }),
                v(
                        "sts-version-in-immutable",
                        "spec.volumeClaimTemplates[0].metadata.labels.release",
                        s -> s.set(STS, NAME, "spec.volumeClaimTemplates[0].metadata.labels.release", "web-2.4.1")),
                v(
                        "hook-unknown-event",
                        "metadata.annotations.helm.sh/hook",
                        s -> s.set("Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook\"]", "pre-instal")),
                v(
                        "hook-weight",
                        "metadata.annotations.helm.sh/hook-weight",
                        s -> s.set(
                                "Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook-weight\"]", "heavy")),
                v(
                        "hook-delete-policy",
                        "metadata.annotations.helm.sh/hook-delete-policy",
                        s -> s.set(
                                "Job",
                                "shop-web-migrate",
                                "metadata.annotations[\"helm.sh/hook-delete-policy\"]",
                                "always")),
                v(
                        "hook-bare-pod",
                        "kind",
                        s -> s.set(
                                "Pod",
                                "shop-web-test-connection",
                                "metadata.annotations[\"helm.sh/hook\"]",
                                "post-install")),
                v(
                        "hook-no-cleanup",
                        "metadata.annotations",
                        s -> s.remove(
                                "Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook-delete-policy\"]")),
                v(
                        "release-scoped-name",
                        "metadata.name",
                        s -> s.set("Job", "shop-web-migrate", "metadata.name", "migrate")),
                v(
                        "pod-security-restricted",
                        WEB + "securityContext.allowPrivilegeEscalation",
                        s -> s.remove(STS, NAME, WEB + "securityContext.allowPrivilegeEscalation")),
                v(
                        "pod-security-restricted",
                        POD + "initContainers[0].securityContext.privileged",
                        s -> s.set(STS, NAME, POD + "initContainers[0].securityContext.privileged", true)),
                v(
                        "pod-security-restricted",
                        WEB + "securityContext.runAsNonRoot",
                        s -> s.remove(STS, NAME, POD + "securityContext.runAsNonRoot")),
                v(
                        "pod-security-restricted",
                        WEB + "securityContext.seccompProfile",
                        s -> s.remove("Job", "shop-web-migrate", "spec.template.spec.securityContext.seccompProfile")),
                v("pod-security-restricted", POD + "volumes[1].hostPath", s -> {
                    s.set(
                            STS,
                            NAME,
                            POD + "volumes[1]",
                            Map.of("name", "host", "hostPath", Map.of("path", "/var/run")));
                    s.set(STS, NAME, WEB + "volumeMounts[2]", Map.of("name", "host", "mountPath", "/host"));
                }),
                v("image-tag", WEB + "image", s -> s.set(STS, NAME, WEB + "image", "registry.example.org/web:latest")),
                v("image-tag", WEB + "image", s -> s.set(STS, NAME, WEB + "image", "registry.example.org:5000/web")),
                v("probe-readiness", WEB + "readinessProbe", s -> s.remove(STS, NAME, WEB + "readinessProbe")),
                v(
                        "probe-port-unknown",
                        WEB + "readinessProbe",
                        s -> s.set(STS, NAME, WEB + "readinessProbe.httpGet.port", "admin")),
                v(
                        "probe-port-undeclared",
                        WEB + "livenessProbe",
                        s -> s.set(STS, NAME, WEB + "livenessProbe.tcpSocket.port", 9090)),
                v(
                        "resources",
                        WEB + "resources.limits.memory",
                        s -> s.remove(STS, NAME, WEB + "resources.limits.memory")),
                v(
                        "resources",
                        "spec.containers[0].resources.requests.cpu",
                        s -> s.remove("Pod", "shop-web-test-connection", "spec.containers[0].resources")),
                v("pdb-missing", "spec.replicas", s -> s.removeDocument("PodDisruptionBudget", "shop-web")),
                v(
                        "secret-embedded",
                        "data",
                        s -> s.add("apiVersion: v1\nkind: Secret\nmetadata: {name: shop-web-credentials}\n"
                                + "data: {password: c2VjcmV0}\n")),
                v("schema-parse", "", s -> s.addRaw("- just\n- a list")),
                v("schema-parse", "", s -> s.addRaw("kind: [unclosed")),
                v(
                        "schema-unknown-kind",
                        "kind",
                        s -> s.add("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: shop-widget}\n")),
                v("schema-unknown-field", "spec.replica", s -> s.set(STS, NAME, "spec.replica", 2)),
                v(
                        "schema-unknown-field",
                        WEB + "imagePullPolicyy",
                        s -> s.set(STS, NAME, WEB + "imagePullPolicyy", "Always")),
                v("schema-wrong-type", "spec.replicas", s -> s.set(STS, NAME, "spec.replicas", "3")),
                v(
                        "probe-port-unknown",
                        WEB + "livenessProbe",
                        s -> s.set(STS, NAME, WEB + "livenessProbe.tcpSocket.port", "8080")),
                v(
                        "hook-weight",
                        "metadata.annotations.helm.sh/hook-weight",
                        s -> s.set("Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook-weight\"]", " 5")),
                v(
                        "schema-wrong-type",
                        WEB + "ports[0].containerPort",
                        s -> s.set(STS, NAME, WEB + "ports[0].containerPort", "8080")),
                v("schema-required-field", WEB + "image", s -> s.remove(STS, NAME, WEB + "image")),
                v(
                        "schema-required-field",
                        "spec.volumeClaimTemplates[0].spec.resources.requests.storage",
                        s -> s.remove(STS, NAME, "spec.volumeClaimTemplates[0].spec.resources")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("violations")
    void ruleFindsTheViolation(String rule, String path, Consumer<EditableStream> change) throws Exception {
        EditableStream stream = EditableStream.clean();
        change.accept(stream);
        List<Finding> findings = findings(stream);
        assertThat(findings).as(findings.toString()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(rule);
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
    }

    static Stream<Arguments> validVariants() {
        return Stream.of(
                v(
                        "sts-selector",
                        null,
                        s -> s.remove(STS, NAME, "spec.selector.matchLabels[\"app.kubernetes.io/name\"]")),
                v("sts-restart-policy", null, s -> s.set(STS, NAME, POD + "restartPolicy", "Always")),
                v("sts-name-length", null, s -> s.set(STS, NAME, "metadata.name", "shop-" + "w".repeat(47))),
                v("sts-headless-service", null, s -> {
                    s.set("Service", "shop-web-headless", "metadata.name", "shop-web-peers");
                    s.set(STS, NAME, "spec.serviceName", "shop-web-peers");
                }),
                v(
                        "sts-volume-mount",
                        null,
                        s -> s.set(STS, NAME, POD + "initContainers[0].volumeMounts[0].name", "tmp")),
                v("sts-shared-claim", null, s -> {
                    sharedClaim(s);
                    s.set(STS, NAME, "spec.replicas", 1);
                }),
                v("sts-partition", null, s -> s.set(STS, NAME, "spec.updateStrategy.rollingUpdate.partition", 3)),
                v("sts-no-spread", null, s -> {
                    s.remove(STS, NAME, POD + "affinity");
                    s.set(STS, NAME, "spec.replicas", 1);
                }),
                v("sts-no-spread", null, s -> {
                    s.remove(STS, NAME, POD + "affinity");
                    s.set(
                            STS,
                            NAME,
                            POD + "topologySpreadConstraints",
                            List.of(Map.of(
                                    "maxSkew",
                                    1,
                                    "topologyKey",
                                    "topology.kubernetes.io/zone",
                                    "whenUnsatisfiable",
                                    "ScheduleAnyway",
                                    "labelSelector",
                                    Map.of("matchLabels", Map.of("app.kubernetes.io/instance", "shop")))));
                }),
                v("sts-no-spread", null, s -> {
                    s.remove(STS, NAME, POD + "affinity");
                    s.set(
                            STS,
                            NAME,
                            POD + "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution",
                            List.of(Map.of(
                                    "topologyKey",
                                    "kubernetes.io/hostname",
                                    "labelSelector",
                                    Map.of(
                                            "matchExpressions",
                                            List.of(Map.of(
                                                    "key",
                                                    "app.kubernetes.io/name",
                                                    "operator",
                                                    "In",
                                                    "values",
                                                    List.of("web")))))));
                }),
                v(
                        "sts-max-unavailable",
                        null,
                        s -> s.set(STS, NAME, "spec.updateStrategy.rollingUpdate.maxUnavailable", "50%")),
                v("sts-max-unavailable", null, s -> {
                    s.set(STS, NAME, "spec.updateStrategy.type", "OnDelete");
                    s.remove(STS, NAME, "spec.updateStrategy.rollingUpdate");
                }),
                v(
                        "sts-version-in-immutable",
                        null,
                        s -> s.set(STS, NAME, "spec.template.metadata.labels[\"helm.sh/chart\"]", "web-1.3.0")),
                v(
                        "hook-unknown-event",
                        null,
                        s -> s.set(
                                "Job",
                                "shop-web-migrate",
                                "metadata.annotations[\"helm.sh/hook\"]",
                                "post-install, post-upgrade, post-rollback")),
                v(
                        "hook-weight",
                        null,
                        s -> s.set("Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook-weight\"]", "+3")),
                v("hook-no-cleanup", null, s -> {
                    s.remove("Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook-delete-policy\"]");
                    s.set("Job", "shop-web-migrate", "spec.ttlSecondsAfterFinished", 600);
                }),
                v(
                        "pod-security-restricted",
                        null,
                        s -> s.set(STS, NAME, WEB + "securityContext.capabilities.add", List.of("NET_BIND_SERVICE"))),
                v(
                        "image-tag",
                        null,
                        s -> s.set(STS, NAME, WEB + "image", "registry.example.org/web@sha256:" + "a".repeat(64))),
                v("probe-port-unknown", null, s -> s.set(STS, NAME, WEB + "readinessProbe.httpGet.port", 8080)),
                v("pdb-missing", null, s -> {
                    s.removeDocument("PodDisruptionBudget", "shop-web");
                    s.set(STS, NAME, "spec.replicas", 1);
                }),
                v(
                        "secret-embedded",
                        null,
                        s -> s.add("apiVersion: v1\nkind: Secret\nmetadata: {name: shop-web-token}\ntype: Opaque\n")),
                v("resources", null, s -> s.remove(STS, NAME, WEB + "resources.requests")),
                v("probe-port-unknown", null, s -> s.set(STS, NAME, WEB + "readinessProbe.httpGet.port", "http")),
                v("sts-shared-claim", null, s -> {
                    s.set(
                            STS,
                            NAME,
                            POD + "volumes[1]",
                            Map.of("name", "shared", "persistentVolumeClaim", Map.of("claimName", "elsewhere")));
                    s.set(STS, NAME, WEB + "volumeMounts[2]", Map.of("name", "shared", "mountPath", "/shared"));
                }),
                v("sts-partition", null, s -> {
                    s.set(STS, NAME, "spec.ordinals", Map.of("start", 5));
                    s.set(STS, NAME, "spec.updateStrategy.rollingUpdate.partition", 7);
                }),
                v(
                        "hook-unknown-event",
                        null,
                        s -> s.set(
                                "Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook\"]", " Pre-Install ")),
                v("sts-version-in-immutable", null, s -> {
                    s.set(STS, NAME, "spec.selector.matchLabels.tier", "web-1.3.0x");
                    s.set(STS, NAME, "spec.template.metadata.labels.tier", "web-1.3.0x");
                }),
                v("release-scoped-name", null, s -> s.set("Job", "shop-web-migrate", "metadata.name", "shop-migrate")),
                v("schema-wrong-type", null, s -> s.set("Service", "shop-web", "spec.ports[0].targetPort", 8080)));
    }

    @ParameterizedTest(name = "{0} accepts a valid variant")
    @MethodSource("validVariants")
    void ruleAcceptsAValidVariant(String rule, String unused, Consumer<EditableStream> change) throws Exception {
        EditableStream stream = EditableStream.clean();
        change.accept(stream);
        assertThat(findings(stream)).extracting(Finding::ruleId).doesNotContain(rule);
    }

    @Test
    void everyRuleThatChecksManifestsHasAViolationCase() {
        Set<String> covered = new HashSet<>();
        violations().forEach(a -> covered.add((String) a.get()[0]));
        for (Rule rule : Rules.all()) {
            if (rule.family() != Rule.Family.HELM && rule.family() != Rule.Family.UPGRADE) {
                assertThat(covered).as("a violation case for " + rule.id()).contains(rule.id());
            }
        }
    }

    @Test
    void rulesCanBeSwitchedOffOrRegradedAndObjectsCanOptOut() throws Exception {
        EditableStream stream = EditableStream.clean();
        stream.set(STS, NAME, WEB + "image", "registry.example.org/web:latest");
        stream.set(STS, NAME, POD + "terminationGracePeriodSeconds", 0);
        Manifests manifests = ManifestReader.read(stream.render()).withRelease("shop");

        List<Finding> regraded = new Validator(new ValidationConfig(
                        Map.of("image-tag", Severity.ERROR, "sts-termination-grace", Severity.OFF), Severity.ERROR))
                .check(manifests, null);
        assertThat(regraded)
                .extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image-tag", Severity.ERROR));

        stream.set(
                STS,
                NAME,
                "metadata.annotations[\"validate.statefulset.io/skip\"]",
                "image-tag, sts-termination-grace");
        assertThat(new Validator(ValidationConfig.defaults())
                        .check(ManifestReader.read(stream.render()).withRelease("shop"), null))
                .isEmpty();
    }

    @Test
    void findingsCarryTheirTemplate() throws Exception {
        EditableStream stream = EditableStream.clean();
        stream.set(STS, NAME, POD + "terminationGracePeriodSeconds", 0);
        assertThat(findings(stream)).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("web/templates/statefulset.yaml");
            assertThat(f.object()).isEqualTo("StatefulSet/shop-web");
            assertThat(f.line())
                    .startsWith(
                            "warning sts-termination-grace StatefulSet/shop-web spec.template.spec.terminationGracePeriodSeconds: ");
        });
    }

    private static void sharedClaim(EditableStream s) {
        s.add("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: shop-web-shared}\n"
                + "spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n");
        s.set(
                STS,
                NAME,
                POD + "volumes[1]",
                Map.of("name", "shared", "persistentVolumeClaim", Map.of("claimName", "shop-web-shared")));
        s.set(STS, NAME, WEB + "volumeMounts[2]", Map.of("name", "shared", "mountPath", "/shared"));
    }

    private static Arguments v(String rule, String path, Consumer<EditableStream> change) {
        return arguments(rule, path, change);
    }
}
