package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.chart;
import static io.statefulset.chart.RawConfig.claim;
import static io.statefulset.chart.RawConfig.hook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators do at `helm install` time: values files, --set of new hooks and claims, odd names. */
class InstallTimeValuesHelmTest {
    @TempDir
    static Path dir;

    static Path chart;

    @BeforeAll
    static void generate() throws Exception {
        chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir);
    }

    @Test
    void numbersFromAValuesFileKeepTheirDigits() throws Exception {
        Path values = Files.writeString(
                dir.resolve("numbers.yaml"),
                "env:\n  BIG: 1000000\n  RATIO: 0.25\npodAnnotations:\n  example.org/n: 1000000\n");
        StatefulSet sts = RenderedChart.render(
                        chart, TemplateRequest.release("demo").withValuesFiles(List.of(values)))
                .all(StatefulSet.class)
                .get(0);
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().equals("BIG") || e.getName().equals("RATIO"))
                .extracting(EnvVar::getValue)
                .containsExactly("1000000", "0.25");
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("example.org/n", "1000000");
    }

    @Test
    void scalarsFromSetAreAcceptedWhereTheTemplatesTurnThemIntoStrings() throws Exception {
        StatefulSet sts = RenderedChart.render(
                        chart,
                        "demo",
                        Map.of("image.tag", "2", "podAnnotations.vault\\.hashicorp\\.com/agent-inject", "false"))
                .all(StatefulSet.class)
                .get(0);
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/acme/visit-counter:2");
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("vault.hashicorp.com/agent-inject", "false");
    }

    @Test
    void aHookAddedAtInstallTimeGetsTheDefaultsOfOneFromThePom() throws Exception {
        Job job = RenderedChart.render(
                        chart,
                        "demo",
                        Map.of("hooks.warmup.image", "busybox:1.36", "hooks.warmup.events[0]", "post-install"))
                .get(Job.class, "demo-visit-counter-warmup");
        assertThat(job.getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "post-install")
                .containsEntry("helm.sh/hook-weight", "0")
                .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation");
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(1);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(300L);
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isNull();
    }

    @Test
    void incompleteHooksAndClaimsAreRefusedByTheSchema() {
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("hooks.warmup.image", "busybox:1.36")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/hooks/warmup")
                .hasMessageContaining("events");
        assertThatThrownBy(
                        () -> RenderedChart.render(chart, "demo", Map.of("persistence.claims.logs.mountPath", "/logs")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/persistence/claims/logs")
                .hasMessageContaining("size");
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("fullnameOverride", "My_App")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/fullnameOverride");
    }

    @Test
    void valuesThatContradictEachOtherFailWithEveryMessage() {
        assertThatThrownBy(() -> RenderedChart.render(
                        chart,
                        "demo",
                        Map.of(
                                "podLabels.app\\.kubernetes\\.io/version", "x",
                                "persistence.claims.tmp.mountPath", "/scratch",
                                "persistence.claims.tmp.size", "1Mi",
                                "persistence.claims.tmp.accessModes[0]", "ReadWriteOnce")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("podLabels must not set app.kubernetes.io/version")
                .hasMessageContaining("persistence.claims.tmp clashes with the /tmp volume");
    }

    @Test
    void rootUserNextToRunAsNonRootIsRefusedAsTheBuildRefusesIt() throws Exception {
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("podSecurityContext.runAsUser", "0")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining(
                        "podSecurityContext.runAsUser is 0 (root), but runAsNonRoot is true, so the kubelet never"
                                + " starts the pods; use a non-zero UID such as 10001");
        // The container's context wins over the pod's, as in the kubelet.
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("containerSecurityContext.runAsUser", "0")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("containerSecurityContext.runAsUser is 0 (root)");
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("podSecurityContext.runAsUser", "-1")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/podSecurityContext/runAsUser");
        // Root on purpose: runAsNonRoot switched off where it is set, the pods start as root.
        StatefulSet root = RenderedChart.render(
                        chart,
                        "demo",
                        Map.of(
                                "podSecurityContext.runAsUser", "0",
                                "podSecurityContext.runAsNonRoot", "false",
                                "containerSecurityContext.runAsNonRoot", "false"))
                .all(StatefulSet.class)
                .get(0);
        assertThat(root.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .isZero();
        // Group 0 is allowed, at build time too.
        StatefulSet group = RenderedChart.render(
                        chart, "demo", Map.of("podSecurityContext.runAsGroup", "0", "podSecurityContext.fsGroup", "0"))
                .all(StatefulSet.class)
                .get(0);
        assertThat(group.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup())
                .isZero();
    }

    @Test
    void namesThatLookLikeNumbersOrBooleansStayStrings(@TempDir Path other) throws Exception {
        RawConfig config = SampleConfigs.visitCounter()
                .volumeClaimTemplates(
                        claim("0123").mountPath("/app/data").size("1Mi"),
                        claim("on").mountPath("/app/on").size("1Mi"))
                .hooks(hook("1e3")
                        .events("pre-install")
                        .weight(0)
                        .image("busybox:1.36")
                        .command("true"))
                .chart(chart("yes").version("1.0.0").appVersion("1.0"));
        RenderedChart r = RenderedChart.render(RenderedChart.generate(config, other), "true", Map.of());
        StatefulSet sts = r.all(StatefulSet.class).get(0);
        assertThat(sts.getSpec().getVolumeClaimTemplates())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("0123", "on");
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
                .isEqualTo("yes");
        assertThat(sts.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "true");
        assertThat(r.all(Job.class))
                .extracting(j -> j.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getName())
                .containsExactly("1e3");
    }

    @Test
    void aChartForNewerClustersOnlyIsRenderedForOne(@TempDir Path other) throws Exception {
        RawConfig config = SampleConfigs.visitCounter()
                .chart(chart("visit-counter")
                        .version("1.0.0")
                        .appVersion("1.0.0")
                        .kubeVersion(">=1.37.0-0"));
        assertThat(RenderedChart.generate(config, other)).isDirectory();
    }
}
