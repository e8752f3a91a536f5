package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.ManifestReader;
import io.statefulset.validate.Manifests;
import io.statefulset.validate.UpgradeRules;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.ValidationReport;
import io.statefulset.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each rollout strategy, rendered by real Helm: the objects it makes, that its defaults validate
 * clean, what NOTES.txt tells the operator, and that the upgrades people take with it never touch a
 * StatefulSet field the API server refuses to change.
 */
class StrategiesHelmTest {
    static final String NAME = "demo-visit-counter";

    /** The sample with four replicas, no {@code <updateStrategy>}, and {@code strategy}. */
    static RawConfig spec(String strategy) {
        return SampleConfigs.visitCounter().replicas(4).updateStrategy(null).strategy(strategy);
    }

    static Path chart(RawConfig config, Path dir) throws Exception {
        return RenderedChart.generate(config, dir);
    }

    static Manifests render(Path chart, Map<String, String> set) throws Exception {
        Manifests m = ManifestReader.read(RenderedChart.HELM.template(
                chart, TemplateRequest.release("demo").withSet(set)));
        assertThat(m.problems()).isEmpty();
        return m;
    }

    static String notes(Path chart, Map<String, String> set) throws Exception {
        return RenderedChart.HELM.notes(chart, TemplateRequest.release("demo").withSet(set));
    }

    /** A copy of the chart whose NOTES take the upgrade branch, which install alone never reaches. */
    static Path asUpgrade(Path chart, Path copy) throws Exception {
        try (var files = Files.walk(chart)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(chart.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path notes = copy.resolve("templates/NOTES.txt");
        String text = Files.readString(notes);
        assertThat(text).contains(".Release.IsInstall");
        Files.writeString(notes, text.replace(".Release.IsInstall", "false"));
        return copy;
    }

    static void assertValidatesClean(Path chart) throws Exception {
        ValidationReport report = new ChartValidator(
                        new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()))
                .validateChart(chart, "demo", List.of(), null);
        assertThat(report.findings()).isEmpty();
    }

    static void assertNoImmutableChange(Manifests before, Manifests after) {
        assertThat(UpgradeRules.immutableChanges(before, after)).isEmpty();
        assertThat(UpgradeRules.removed(before, after)).isEmpty();
    }

    static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Manifests m, Class<T> type, String name) {
        T found = m.named(type, name);
        assertThat(found).as(type.getSimpleName() + "/" + name).isNotNull();
        return found;
    }

    @Test
    void canaryUpdatesTheHighestOrdinalsFirstAndPromotesWithOneFlag(@TempDir Path dir) throws Exception {
        Path chart = chart(spec("canary"), dir);
        assertValidatesClean(chart);
        Manifests canary = render(chart, Map.of());
        StatefulSet sts = get(canary, StatefulSet.class, NAME);
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition())
                .isEqualTo(3);
        Service canaryService = get(canary, Service.class, NAME + "-canary-3");
        assertThat(canaryService.getSpec().getSelector())
                .containsEntry("statefulset.kubernetes.io/pod-name", NAME + "-3")
                .containsEntry("app.kubernetes.io/instance", "demo");
        assertThat(canary.of(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .doesNotContain(NAME + "-canary-2");
        assertThat(notes(chart, Map.of()))
                .contains("This first install runs one version everywhere")
                .contains("from ordinal 3 up")
                .doesNotContain("canary.promote=true");
        // Helm renders NOTES only through install, where .Release.IsInstall is true; the same
        // chart with that test answered "false" shows what an upgrade prints.
        Path upgraded = asUpgrade(chart, dir.resolve("as-upgrade"));
        assertThat(notes(upgraded, Map.of()))
                .contains("Pod " + NAME + "-3 runs this version")
                .contains("--reuse-values --set canary.promote=true")
                .contains("port-forward service/" + NAME + "-canary-3");

        Manifests two = render(chart, Map.of("canary.replicas", "2"));
        assertThat(partition(two)).isEqualTo(2);
        assertThat(two.of(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .contains(NAME + "-canary-2", NAME + "-canary-3");

        Manifests promoted = render(chart, Map.of("canary.promote", "true"));
        assertThat(partition(promoted)).isZero();
        assertThat(promoted.of(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .noneMatch(n -> n.contains("-canary-"));
        assertThat(notes(chart, Map.of("canary.promote", "true"))).contains("The canary is promoted");
    }

    @Test
    void installThenCanaryThenPromoteNeverChangesAnImmutableField(@TempDir Path v1, @TempDir Path v2) throws Exception {
        Manifests installed = render(chart(spec("rolling").chartVersion("1.0.0", "1.0.0"), v1), Map.of());
        Path next = chart(spec("canary").chartVersion("1.1.0", "1.1.0"), v2);
        Manifests canary = render(next, Map.of("image.tag", "1.1.0"));
        Manifests promoted = render(next, Map.of("image.tag", "1.1.0", "canary.promote", "true"));
        assertNoImmutableChange(installed, canary);
        assertNoImmutableChange(canary, promoted);
        assertThat(partition(installed)).isZero();
        assertThat(partition(canary)).as("only pod -3 takes 1.1.0").isEqualTo(3);
        assertThat(partition(promoted)).isZero();
        assertThat(get(canary, StatefulSet.class, NAME)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .endsWith(":1.1.0");
    }

    static int partition(Manifests m) {
        return get(m, StatefulSet.class, NAME)
                .getSpec()
                .getUpdateStrategy()
                .getRollingUpdate()
                .getPartition();
    }

    @Test
    void blueGreenRunsTwoSlotsAndTheServiceFollowsTheActiveOne(@TempDir Path dir) throws Exception {
        Path chart = chart(spec("blueGreen"), dir);
        assertValidatesClean(chart);
        Manifests m = render(chart, Map.of());
        for (String slot : List.of("blue", "green")) {
            StatefulSet sts = get(m, StatefulSet.class, NAME + "-" + slot);
            assertThat(sts.getSpec().getServiceName()).isEqualTo(NAME + "-" + slot + "-headless");
            assertThat(sts.getSpec().getSelector().getMatchLabels()).containsEntry("statefulset.io/slot", slot);
            assertThat(sts.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("statefulset.io/slot", slot);
            assertThat(sts.getSpec()
                            .getVolumeClaimTemplates()
                            .get(0)
                            .getMetadata()
                            .getLabels())
                    .containsEntry("statefulset.io/slot", slot);
            assertThat(sts.getSpec().getReplicas()).isEqualTo(4);
            assertThat(get(m, Service.class, NAME + "-" + slot + "-headless")
                            .getSpec()
                            .getSelector())
                    .containsEntry("statefulset.io/slot", slot);
        }
        assertThat(get(m, Service.class, NAME).getSpec().getSelector()).containsEntry("statefulset.io/slot", "blue");
        assertThat(get(m, Service.class, NAME + "-preview").getSpec().getSelector())
                .containsEntry("statefulset.io/slot", "green");
        assertThat(notes(chart, Map.of()))
                .contains("--set blueGreen.activeSlot=green")
                .contains("service/" + NAME + "-preview");

        Manifests green = render(
                chart,
                Map.of(
                        "blueGreen.activeSlot",
                        "green",
                        "blueGreen.slots.green",
                        "2.0.0",
                        "blueGreen.idleReplicas",
                        "0"));
        assertThat(get(green, Service.class, NAME).getSpec().getSelector())
                .containsEntry("statefulset.io/slot", "green");
        assertThat(get(green, StatefulSet.class, NAME + "-green")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .endsWith(":2.0.0");
        assertThat(get(green, StatefulSet.class, NAME + "-blue")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .endsWith(":1.0.0");
        assertThat(get(green, StatefulSet.class, NAME + "-blue").getSpec().getReplicas())
                .isZero();
        assertThat(get(green, StatefulSet.class, NAME + "-green").getSpec().getReplicas())
                .isEqualTo(4);
    }

    @Test
    void anUnsetIdleSlotSizeMeansReplicaCountNotZero(@TempDir Path dir) throws Exception {
        Path chart = chart(spec("blueGreen"), dir);
        for (String unset : List.of("null", "")) {
            Manifests m = render(chart, Map.of("blueGreen.idleReplicas", unset, "replicaCount", "3"));
            assertThat(get(m, StatefulSet.class, NAME + "-green").getSpec().getReplicas())
                    .as("idleReplicas=" + unset)
                    .isEqualTo(3);
        }
    }

    @Test
    void blueToGreenToBlueNeverChangesAnImmutableField(@TempDir Path dir) throws Exception {
        Path chart = chart(spec("blueGreen"), dir);
        Manifests blue = render(chart, Map.of());
        Manifests staged = render(chart, Map.of("blueGreen.slots.green", "2.0.0"));
        Manifests green = render(chart, Map.of("blueGreen.slots.green", "2.0.0", "blueGreen.activeSlot", "green"));
        Manifests back = render(chart, Map.of("blueGreen.slots.green", "2.0.0", "blueGreen.activeSlot", "blue"));
        assertNoImmutableChange(blue, staged);
        assertNoImmutableChange(staged, green);
        assertNoImmutableChange(green, back);
    }

    @Test
    void recreateDeletesThePodsAfterAnUpgradeWithTheLeastRbac(@TempDir Path dir) throws Exception {
        Path chart = chart(spec("recreate"), dir);
        assertValidatesClean(chart);
        Manifests m = render(chart, Map.of());
        StatefulSet sts = get(m, StatefulSet.class, NAME);
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate()).isNull();

        String name = NAME + "-recreate";
        for (var object : List.of(
                get(m, ServiceAccount.class, name),
                get(m, Role.class, name),
                get(m, RoleBinding.class, name),
                get(m, Job.class, name))) {
            assertThat(object.getMetadata().getAnnotations())
                    .containsEntry("helm.sh/hook", "post-upgrade,post-rollback")
                    .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
        }
        Role role = get(m, Role.class, name);
        assertThat(role.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getApiGroups()).containsExactly("");
            assertThat(rule.getResources()).containsExactly("pods");
            assertThat(rule.getVerbs()).containsExactly("get", "list", "watch", "delete");
        });
        RoleBinding binding = get(m, RoleBinding.class, name);
        assertThat(binding.getRoleRef().getName()).isEqualTo(name);
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo(name);
            assertThat(s.getNamespace()).isEqualTo("default");
        });
        Job job = get(m, Job.class, name);
        assertThat(Integer.parseInt(job.getMetadata().getAnnotations().get("helm.sh/hook-weight")))
                .isGreaterThan(
                        Integer.parseInt(role.getMetadata().getAnnotations().get("helm.sh/hook-weight")));
        var pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo(name);
        assertThat(pod.getAutomountServiceAccountToken())
                .as("kubectl in the Job needs the token")
                .isTrue();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .as("the Job's pod must not match its own selector, or it deletes itself")
                .doesNotContainKey("app.kubernetes.io/name");
        assertThat(pod.getContainers().get(0).getCommand())
                .containsExactly(
                        "kubectl",
                        "delete",
                        "pod",
                        "--namespace=default",
                        "--selector=app.kubernetes.io/instance=demo,app.kubernetes.io/name=visit-counter",
                        "--wait=true");
        assertThat(notes(chart, Map.of())).contains("does not wait for them").contains("helm#7424");
    }

    @Test
    void recreateUpgradeWithANewImageNeverChangesAnImmutableField(@TempDir Path v1, @TempDir Path v2) throws Exception {
        Manifests installed = render(chart(spec("rolling"), v1), Map.of());
        Path chart = chart(spec("recreate"), v2);
        Manifests upgraded = render(chart, Map.of("image.tag", "2.0.0"));
        assertNoImmutableChange(installed, upgraded);
        assertNoImmutableChange(render(chart, Map.of()), upgraded);
    }

    @Test
    void notesSayWhereSeveralPodsRollAtOnce(@TempDir Path dir) throws Exception {
        RawConfig rolling = SampleConfigs.visitCounter(); // Parallel, maxUnavailable 1
        Path chart = chart(rolling, dir);
        assertThat(notes(chart, Map.of()))
                .contains("pods are replaced from the highest ordinal down, one at a time")
                .doesNotContain("up to 1 at a time");
        assertThat(notes(chart, Map.of("updateStrategy.rollingUpdate.maxUnavailable", "2")))
                .contains("up to 2 at a time (with Parallel, where Kubernetes honours maxUnavailable: by default on"
                        + " 1.37+ and 1.35.0 to 1.35.3, else with the MaxUnavailableStatefulSet feature gate;"
                        + " one at a time otherwise)");
    }

    @Test
    void rampedRollsWithMinReadySecondsAndMaxUnavailable(@TempDir Path dir) throws Exception {
        Path chart = chart(spec("ramped").minReadySeconds(null), dir);
        assertValidatesClean(chart);
        StatefulSet sts = get(render(chart, Map.of()), StatefulSet.class, NAME);
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(sts.getSpec()
                        .getUpdateStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getStrVal())
                .isEqualTo("25%");
        assertThat(sts.getSpec().getMinReadySeconds()).isEqualTo(30);
        assertThat(notes(chart, Map.of())).contains("up to 25% at a time").contains("each ready for 30 s");
    }
}
