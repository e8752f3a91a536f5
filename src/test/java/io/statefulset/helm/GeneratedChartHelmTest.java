package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.claim;
import static io.statefulset.chart.RawConfig.hook;
import static io.statefulset.chart.RawConfig.updateType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.RawConfig.ServiceConfig;
import io.statefulset.chart.SampleConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample chart, generated and then linted and rendered by real Helm, read back with fabric8. */
class GeneratedChartHelmTest {
    private static final String FULLNAME = "demo-visit-counter";

    @TempDir
    static Path dir;

    static Path chart;
    static RenderedChart rendered;

    @BeforeAll
    static void generateSample() throws Exception {
        chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir);
        rendered = RenderedChart.render(chart, "demo", Map.of());
    }

    @Test
    void passesStrictLintWithNothingAboveInfo() throws Exception {
        LintReport lint = RenderedChart.HELM.lint(chart, true);
        assertThat(lint.failed()).isFalse();
        assertThat(lint.aboveInfo()).isEmpty();
    }

    @Test
    void rendersEveryObjectOfTheChart() {
        assertThat(rendered.names())
                .containsExactlyInAnyOrder(
                        "PodDisruptionBudget/" + FULLNAME,
                        "ServiceAccount/" + FULLNAME,
                        "Service/" + FULLNAME + "-headless",
                        "Service/" + FULLNAME,
                        "Pod/" + FULLNAME + "-test-connection",
                        "StatefulSet/" + FULLNAME,
                        "Job/" + FULLNAME + "-preinstall");
    }

    @Test
    void statefulSetCarriesTheConfiguration() {
        StatefulSet sts = rendered.get(StatefulSet.class, FULLNAME);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(2);
        assertThat(sts.getSpec().getServiceName()).isEqualTo(FULLNAME + "-headless");
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(sts.getSpec().getMinReadySeconds()).isEqualTo(5);
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition())
                .isZero();
        assertThat(sts.getSpec()
                        .getUpdateStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Retain");
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled())
                .isEqualTo("Retain");

        PersistentVolumeClaim claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(claim.getMetadata().getName()).isEqualTo("data");
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("standard");
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Mi"));

        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isNull(); // Kubernetes default Always
        assertThat(pod.getServiceAccountName()).isEqualTo(FULLNAME);
        Container app = pod.getContainers().get(0);
        assertThat(app.getImage()).isEqualTo("ghcr.io/acme/visit-counter:1.0.0");
        assertThat(app.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(app.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(app.getEnv()).extracting(EnvVar::getName).containsExactly("DATA_DIR", "WHOAMI");
        assertThat(app.getEnv().get(0).getValue()).isEqualTo("/app/data");
        assertThat(app.getEnv().get(1).getValue()).isNull();
        assertThat(app.getEnv().get(1).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("visit-counter-credentials");
        assertThat(app.getEnv().get(1).getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("whoami");
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(app.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(app.getStartupProbe()).isNull();
        assertThat(app.getResources().getRequests())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("128Mi"));
        assertThat(app.getResources().getLimits())
                .containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("128Mi"));
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("vault.hashicorp.com/agent-inject", "true");
        assertThat(app.getVolumeMounts())
                .extracting(VolumeMount::getName, VolumeMount::getMountPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("data", "/app/data"),
                        org.assertj.core.groups.Tuple.tuple("tmp", "/tmp"));
    }

    @Test
    void selectorMatchesPodsAndServicesSelectOnlyTheStatefulSetPods() {
        StatefulSet sts = rendered.get(StatefulSet.class, FULLNAME);
        Map<String, String> selector = sts.getSpec().getSelector().getMatchLabels();
        assertThat(selector).containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance");
        assertThat(sts.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);

        Service headless = rendered.get(Service.class, FULLNAME + "-headless");
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getSelector()).isEqualTo(selector);

        Service client = rendered.get(Service.class, FULLNAME);
        assertThat(client.getSpec().getType()).isEqualTo("NodePort");
        assertThat(client.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8080);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(client.getSpec().getSelector()).isEqualTo(selector);

        PodDisruptionBudget pdb = rendered.get(PodDisruptionBudget.class, FULLNAME);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        // Hook and test pods must not look like application pods to the Services.
        Job hook = rendered.get(Job.class, FULLNAME + "-preinstall");
        assertThat(hook.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(selector.entrySet()))
                .isFalse();
        Pod test = rendered.get(Pod.class, FULLNAME + "-test-connection");
        assertThat(test.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .isFalse();
    }

    @Test
    void hookIsAReleaseScopedJobWithHelmAnnotations() {
        Job hook = rendered.get(Job.class, FULLNAME + "-preinstall");
        assertThat(hook.getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "pre-install")
                .containsEntry("helm.sh/hook-weight", "0")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        PodSpec pod = hook.getSpec().getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getServiceAccountName())
                .as("a pre-install hook runs before the release's ServiceAccount exists")
                .isNull();
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo("busybox:1.36");
        assertThat(pod.getContainers().get(0).getCommand())
                .containsExactly("sh", "-c", "echo The pre-install hook is running");
        assertThat(hook.getSpec().getBackoffLimit()).isEqualTo(1);
        assertThat(hook.getSpec().getActiveDeadlineSeconds()).isEqualTo(300L);
    }

    @Test
    void connectionTestRequestsTheReadinessPathThroughTheService() {
        Pod test = rendered.get(Pod.class, FULLNAME + "-test-connection");
        assertThat(test.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "test");
        assertThat(test.getSpec().getContainers().get(0).getArgs())
                .last()
                .isEqualTo("http://" + FULLNAME + ":8080/readyz");
    }

    @Test
    void everyPodMeetsRestrictedPodSecurity() {
        StatefulSet sts = rendered.get(StatefulSet.class, FULLNAME);
        List<PodSpec> pods = List.of(
                sts.getSpec().getTemplate().getSpec(),
                rendered.get(Job.class, FULLNAME + "-preinstall")
                        .getSpec()
                        .getTemplate()
                        .getSpec(),
                rendered.get(Pod.class, FULLNAME + "-test-connection").getSpec());
        for (PodSpec pod : pods) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(c.getSecurityContext().getPrivileged()).isNull();
                assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
            }
        }
        // Read-only root, so the claim and /tmp are the writable places.
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    }

    @Test
    void overridesAtInstallTimeApply() throws Exception {
        RenderedChart overridden = RenderedChart.render(
                chart, "demo", Map.of("replicaCount", "3", "image.tag", "2.0.0", "persistence.enabled", "false"));
        StatefulSet sts = overridden.get(StatefulSet.class, FULLNAME);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/acme/visit-counter:2.0.0");
        assertThat(sts.getSpec().getVolumeClaimTemplates()).isEmpty();
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy()).isNull();
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("data"))
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("1Mi")));
    }

    @Test
    void schemaRejectsBadOverrides() {
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("replicaCount", "-1")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/replicaCount")
                .hasMessageContaining("minimum");
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("podManagementPolicy", "Sideways")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/podManagementPolicy")
                .hasMessageContaining("'OrderedReady', 'Parallel'");
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("replicas", "3")))
                .as("a misspelt key is an error, not silently ignored")
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("persistence.claims.data.size", "lots")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/persistence/claims/data/size");
    }

    @Test
    void crossFieldChecksFailTheRenderWithEveryMessage() {
        assertThatThrownBy(() -> RenderedChart.render(
                        chart,
                        "demo",
                        Map.of("updateStrategy.rollingUpdate.partition", "5", "probes.readiness.port", "web")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("updateStrategy.rollingUpdate.partition (5) is above replicaCount (2)")
                .hasMessageContaining("probes.readiness.port \"web\" names no entry of ports");
    }

    @Test
    void longReleaseNamesStayWithinKubernetesLimits() throws Exception {
        String release = "a-very-long-release-name-that-goes-on-and-on-for-ever";
        RenderedChart longNames = RenderedChart.render(chart, release, Map.of());
        StatefulSet sts = longNames.all(StatefulSet.class).get(0);
        assertThat(sts.getMetadata().getName()).hasSizeLessThanOrEqualTo(52);
        assertThat(longNames.manifests()).allSatisfy(m -> assertThat(m.name()).hasSizeLessThanOrEqualTo(63));
        assertThat(longNames.all(Job.class).get(0).getMetadata().getName()).endsWith("-preinstall");
        assertThat(longNames.all(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .doesNotHaveDuplicates();
        assertThat(sts.getSpec().getServiceName()).endsWith("-headless");
    }

    @Test
    void storageClassDashMeansNoDynamicProvisioningAndAbsentMeansClusterDefault(@TempDir Path other) throws Exception {
        RawConfig config = SampleConfigs.visitCounter()
                .volumeClaimTemplates(
                        claim("data").mountPath("/app/data").size("1Mi").storageClassName("-"),
                        claim("logs")
                                .mountPath("/app/logs")
                                .size("2Mi")
                                .accessModes("ReadWriteOnce", "ReadWriteOncePod"));
        StatefulSet sts = RenderedChart.render(RenderedChart.generate(config, other), "demo", Map.of())
                .get(StatefulSet.class, FULLNAME);
        assertThat(sts.getSpec().getVolumeClaimTemplates())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("data", "logs");
        assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getStorageClassName())
                .isEmpty();
        assertThat(sts.getSpec().getVolumeClaimTemplates().get(1).getSpec().getStorageClassName())
                .isNull();
        assertThat(sts.getSpec().getVolumeClaimTemplates().get(1).getSpec().getAccessModes())
                .containsExactly("ReadWriteOnce", "ReadWriteOncePod");
    }

    @Test
    void onDeleteOrderedReadySeveralHooksAndNoServiceWork(@TempDir Path other) throws Exception {
        RawConfig config = SampleConfigs.visitCounter()
                .podManagementPolicy("OrderedReady")
                .updateStrategy(updateType("OnDelete"))
                .service(new ServiceConfig().enabled(false))
                .volumeClaimTemplates(
                        claim("data").mountPath("/app/data").size("1Mi"),
                        claim("wal").mountPath("/app/wal").size("5Mi"))
                .hooks(
                        hook("migrate")
                                .events("pre-install", "pre-upgrade")
                                .weight(-5)
                                .image("busybox:1.36")
                                .command("true")
                                .ttlSecondsAfterFinished(600),
                        hook("notify")
                                .events("post-install")
                                .weight(10)
                                .deletePolicies("hook-succeeded")
                                .image("busybox:1.36")
                                .args("done")
                                .backoffLimit(0)
                                .activeDeadlineSeconds(60));
        Path generated = RenderedChart.generate(config, other);
        RenderedChart r = RenderedChart.render(generated, "demo", Map.of());

        StatefulSet sts = r.get(StatefulSet.class, FULLNAME);
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate()).isNull();
        assertThat(sts.getSpec().getVolumeClaimTemplates()).hasSize(2);
        assertThat(r.all(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .containsExactly(FULLNAME + "-headless");

        Job migrate = r.get(Job.class, FULLNAME + "-migrate");
        assertThat(migrate.getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                .containsEntry("helm.sh/hook-weight", "-5")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation");
        assertThat(migrate.getSpec().getTtlSecondsAfterFinished()).isEqualTo(600);
        Job notify = r.get(Job.class, FULLNAME + "-notify");
        assertThat(notify.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getCommand())
                .isEmpty();
        assertThat(notify.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .containsExactly("done");

        // Without a client Service the test asks pod 0 through its stable DNS name.
        assertThat(r.get(Pod.class, FULLNAME + "-test-connection")
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getArgs())
                .last()
                .isEqualTo("http://" + FULLNAME + "-0." + FULLNAME + "-headless:8080/readyz");
        assertThat(RenderedChart.HELM.lint(generated, true).aboveInfo()).isEmpty();
    }

    @Test
    void minimalConfigurationGivesAWorkingChart(@TempDir Path other) throws Exception {
        Path generated = RenderedChart.generate(SampleConfigs.minimal(), other);
        RenderedChart r = RenderedChart.render(generated, "demo", Map.of());
        StatefulSet sts = r.get(StatefulSet.class, FULLNAME);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.org/app:1.0.0");
        assertThat(r.names())
                .containsExactlyInAnyOrder(
                        "StatefulSet/" + FULLNAME, "Service/" + FULLNAME + "-headless", "ServiceAccount/" + FULLNAME);
    }
}
