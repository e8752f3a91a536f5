package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.ChartSpec.ClaimSpec;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpec.ImageSpec;
import io.statefulset.chart.ChartSpec.PodSecuritySpec;
import io.statefulset.chart.ChartSpec.PortSpec;
import io.statefulset.chart.ChartSpec.ProbeSpec;
import io.statefulset.chart.ChartSpec.ProbesSpec;
import io.statefulset.chart.ChartSpec.ResourcesSpec;
import io.statefulset.chart.ChartSpec.RetentionPolicySpec;
import io.statefulset.chart.ChartSpec.ServiceSpec;
import io.statefulset.chart.ChartSpec.UpdateStrategySpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ChartSpecValidatorTest {

    private static final ClaimSpec DATA = new ClaimSpec("data", "/app/data", "1Mi", List.of("ReadWriteOnce"), null);

    private static List<ConfigProblem> problems(Consumer<SpecBuilder> change) {
        SpecBuilder builder = SpecBuilder.sample();
        change.accept(builder);
        return ChartSpecValidator.validate(ChartDefaults.apply(builder.build(), SampleSpecs.PROJECT));
    }

    private static List<ConfigProblem> errors(Consumer<SpecBuilder> change) {
        return problems(change).stream().filter(ConfigProblem::isError).toList();
    }

    /** Exactly one error, at {@code element}, quoting {@code value}, with a message containing {@code fix}. */
    private static void assertSingleError(Consumer<SpecBuilder> change, String element, String value, String fix) {
        List<ConfigProblem> errors = errors(change);
        assertThat(errors).as(errors.toString()).hasSize(1);
        ConfigProblem error = errors.get(0);
        assertThat(error.element()).isEqualTo(element);
        assertThat(error.value()).isEqualTo(value);
        assertThat(error.message()).contains(fix);
        assertThat(error.toString()).contains(element).contains(fix);
    }

    @Test
    void sampleConfigurationHasNoProblems() {
        // maxUnavailable 1 is what every Kubernetes version does anyway: nothing to warn about.
        assertThat(problems(b -> {})).isEmpty();
    }

    @Test
    void maxUnavailableAboveOneSaysWhereKubernetesHonoursIt() {
        for (String value : List.of("2", "50%")) {
            List<ConfigProblem> problems =
                    problems(b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 0, value));
            assertThat(problems).extracting(ConfigProblem::element).containsExactly("<updateStrategy><maxUnavailable>");
            assertThat(problems.get(0).isError()).isFalse();
            assertThat(problems.get(0).message())
                    .contains("by default on 1.37+ and 1.35.0 to 1.35.3")
                    .contains("MaxUnavailableStatefulSet feature gate")
                    .contains("other servers replace one pod at a time");
        }
    }

    @Test
    void minimalConfigurationIsValid() {
        assertThat(ChartSpecValidator.validate(ChartDefaults.apply(SampleSpecs.minimal(), SampleSpecs.PROJECT)))
                .noneMatch(ConfigProblem::isError);
    }

    @Test
    void chartNameMustBeDnsLabel() {
        assertSingleError(b -> b.chartName("Visit_Counter"), "<chart><name>", "Visit_Counter", "DNS-1123 label");
    }

    @Test
    void chartVersionWithoutSemVerFormIsRejected() {
        assertSingleError(
                b -> b.chartVersion("1.2.3.4", "1.2.3.4"),
                "<chart><version>",
                "1.2.3.4",
                "set <chart><version> to MAJOR.MINOR.PATCH");
    }

    @Test
    void imageRepositoryIsRequiredAndMayNotCarryATag() {
        assertSingleError(
                b -> b.image = new ImageSpec(null, "1.0.0", null), "<image><repository>", null, "is required");
        assertSingleError(
                b -> b.image = new ImageSpec("ghcr.io/acme/app:1.0", "1.0.0", null),
                "<image><repository>",
                "ghcr.io/acme/app:1.0",
                "put the tag into <image><tag>");
        assertSingleError(
                b -> b.image = new ImageSpec("ghcr.io/acme/app", "1.0.0", "Sometimes"),
                "<image><pullPolicy>",
                "Sometimes",
                "Always, IfNotPresent, Never");
    }

    @Test
    void latestTagOnlyWarns() {
        List<ConfigProblem> problems = problems(b -> b.image = new ImageSpec("ghcr.io/acme/app", "latest", null));
        assertThat(problems).noneMatch(ConfigProblem::isError);
        assertThat(problems)
                .anyMatch(p -> p.element().equals("<image><tag>") && p.message().contains("pin a version"));
    }

    @Test
    void negativeReplicasAreRejected() {
        List<ConfigProblem> errors = errors(b -> {
            b.replicas = -1;
            b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 0, null);
        });
        assertThat(errors).extracting(ConfigProblem::element).containsExactly("<replicas>");
        assertThat(errors.get(0).value()).isEqualTo("-1");
    }

    @Test
    void partitionMustBeBetweenZeroAndReplicas() {
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", -1, null),
                "<updateStrategy><partition>",
                "-1",
                "must be 0 or more");
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 3, null),
                "<updateStrategy><partition>",
                "3",
                "use a value from 0 to 2");
        assertThat(errors(b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 2, null)))
                .isEmpty();
    }

    @Test
    void maxUnavailableMustBePositiveAndOnlyWithRollingUpdate() {
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 0, "0"),
                "<updateStrategy><maxUnavailable>",
                "0",
                "at least 1");
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 0, "150%"),
                "<updateStrategy><maxUnavailable>",
                "150%",
                "percentage from 1% to 100%");
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("OnDelete", null, "1"),
                "<updateStrategy><maxUnavailable>",
                "1",
                "only applies to RollingUpdate");
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("OnDelete", 1, null),
                "<updateStrategy><partition>",
                "1",
                "only applies to RollingUpdate");
        assertThat(errors(b -> b.updateStrategy = new UpdateStrategySpec("OnDelete", null, null)))
                .isEmpty();
        assertThat(errors(b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 0, "50%")))
                .isEmpty();
    }

    @Test
    void maxUnavailableWithOrderedReadyWarns() {
        List<ConfigProblem> problems = problems(b -> {
            b.podManagementPolicy = "OrderedReady";
            b.updateStrategy = new UpdateStrategySpec("RollingUpdate", 0, "2");
        });
        assertThat(problems).noneMatch(ConfigProblem::isError);
        assertThat(problems).anyMatch(p -> p.message().contains("no effect with <podManagementPolicy>OrderedReady"));
    }

    @Test
    void unknownPoliciesAreRejected() {
        assertSingleError(
                b -> b.podManagementPolicy = "Sideways", "<podManagementPolicy>", "Sideways", "OrderedReady, Parallel");
        assertSingleError(
                b -> b.updateStrategy = new UpdateStrategySpec("Recreate", null, null),
                "<updateStrategy><type>",
                "Recreate",
                "RollingUpdate, OnDelete");
        assertSingleError(
                b -> b.retention = new RetentionPolicySpec("Keep", "Retain"),
                "<persistentVolumeClaimRetentionPolicy><whenDeleted>",
                "Keep",
                "Retain, Delete");
        assertSingleError(
                b -> b.retention = new RetentionPolicySpec("Retain", "Forget"),
                "<persistentVolumeClaimRetentionPolicy><whenScaled>",
                "Forget",
                "Retain, Delete");
    }

    @Test
    void claimNameMustBeDnsLabel() {
        assertSingleError(
                b -> b.claims = List.of(new ClaimSpec("Data_1", "/app/data", "1Mi", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"Data_1\"><name>",
                "Data_1",
                "DNS-1123 label");
    }

    @Test
    void claimSizeMustBeAQuantity() {
        assertSingleError(
                b -> b.claims = List.of(new ClaimSpec("data", "/app/data", "1 Gi", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size>",
                "1 Gi",
                "e.g. 1Gi, 500Mi or 10G");
        assertSingleError(
                b -> b.claims = List.of(new ClaimSpec("data", "/app/data", "0", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size>",
                "0",
                "more than zero");
    }

    @Test
    void unknownAccessModeIsRejected() {
        assertSingleError(
                b -> b.claims = List.of(new ClaimSpec("data", "/app/data", "1Mi", List.of("ReadWriteSometimes"), null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><accessModes><accessMode>",
                "ReadWriteSometimes",
                "ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod");
    }

    @Test
    void mountPathsMustBeAbsoluteAndDistinct() {
        assertSingleError(
                b -> b.claims = List.of(new ClaimSpec("data", "app/data", "1Mi", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                "app/data",
                "/app/data");
        assertSingleError(
                b -> b.claims = List.of(DATA, new ClaimSpec("logs", "/app/data", "1Mi", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"logs\"><mountPath>",
                "/app/data",
                "each volume needs its own mount path");
        assertSingleError(
                b -> b.claims = List.of(new ClaimSpec("data", "/app/../data", "1Mi", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                "/app/../data",
                "normalised");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertSingleError(
                b -> b.claims = List.of(DATA, new ClaimSpec("data", "/other", "1Mi", null, null)),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><name>",
                "data",
                "must be unique");
        assertSingleError(
                b -> b.ports = List.of(new PortSpec("http", 8080, null), new PortSpec("http", 9090, null)),
                "<ports><port name=\"http\"><name>",
                "http",
                "is declared twice");
        HookSpec hook = SampleSpecs.visitCounter().hooks().get(0);
        assertSingleError(
                b -> b.hooks = List.of(hook, hook),
                "<hooks><hook name=\"preinstall\"><name>",
                "preinstall",
                "must be unique");
    }

    @Test
    void hookEventsAndPoliciesMustBeHelms() {
        assertSingleError(
                b -> b.hooks = List.of(hook("pre-instal", "before-hook-creation", "busybox:1.36")),
                "<hooks><hook name=\"h\"><events><event>",
                "pre-instal",
                "pre-install, post-install");
        assertSingleError(
                b -> b.hooks = List.of(hook("post-install", "always", "busybox:1.36")),
                "<hooks><hook name=\"h\"><deletePolicies><deletePolicy>",
                "always",
                "before-hook-creation, hook-succeeded, hook-failed");
    }

    @Test
    void hookNamedLikeTheRecreateJobIsRejected() {
        HookSpec h = hook("post-install", "hook-succeeded", "busybox:1.36");
        HookSpec recreate = new HookSpec(
                "recreate", h.events(), h.weight(), h.deletePolicies(), h.image(), h.command(), null, null, null, null);
        assertSingleError(
                b -> b.hooks = List.of(recreate),
                "<hooks><hook name=\"recreate\"><name>",
                "recreate",
                "the Job the recreate strategy adds");
    }

    @Test
    void hookWithoutImageIsRejected() {
        assertSingleError(
                b -> b.hooks = List.of(hook("post-install", "hook-succeeded", null)),
                "<hooks><hook name=\"h\"><image>",
                null,
                "is required");
    }

    @Test
    void probePortMustNameADeclaredPort() {
        assertSingleError(
                b -> b.probes = new ProbesSpec(new ProbeSpec("/readyz", "web", null, null, null, null), null, null),
                "<probes><readiness><port>",
                "web",
                "use one of http");
    }

    @Test
    void serviceTargetPortMustBeDeclared() {
        assertSingleError(
                b -> b.service = new ServiceSpec(true, "ClusterIP", 80, "admin", null),
                "<service><targetPort>",
                "admin",
                "use one of http");
        assertSingleError(
                b -> b.service = new ServiceSpec(true, "ExternalName", 80, null, null),
                "<service><type>",
                "ExternalName",
                "ClusterIP, NodePort, LoadBalancer");
    }

    @Test
    void requestsAboveLimitsAreRejected() {
        assertSingleError(
                b -> b.resources = new ResourcesSpec(Map.of("memory", "1Gi"), Map.of("memory", "512Mi")),
                "<resources><requests><memory>",
                "1Gi",
                "rejects a request above its limit");
        assertSingleError(
                b -> b.resources = new ResourcesSpec(Map.of("cpu", "lots"), Map.of()),
                "<resources><requests><cpu>",
                "lots",
                "not a Kubernetes quantity");
    }

    @Test
    void environmentNamesAndSecretReferencesAreChecked() {
        assertSingleError(b -> b.env = Map.of("1BAD", "x"), "<env><1BAD>", "1BAD", "not an environment variable name");
        assertSingleError(
                b -> b.env = Map.of("WHOAMI", "x"),
                "<secretEnv><variable name=\"WHOAMI\"><name>",
                "WHOAMI",
                "one source");
    }

    @Test
    void expandedEnvNamesAreCheckedAndEveryVariableHasOneSource() {
        assertSingleError(
                b -> b.expandedEnv = Map.of("1BAD", "$(DATA_DIR)"),
                "<expandedEnv><1BAD>",
                "1BAD",
                "not an environment variable name");
        assertSingleError(
                b -> b.expandedEnv = Map.of("DATA_DIR", "$(HOME)/data"),
                "<expandedEnv><DATA_DIR>",
                "DATA_DIR",
                "is already set in <env> or <secretEnv>; a variable can have one source");
        assertSingleError(
                b -> b.expandedEnv = Map.of("WHOAMI", "x"),
                "<expandedEnv><WHOAMI>",
                "WHOAMI",
                "is already set in <env> or <secretEnv>");
        assertThat(errors(b -> b.expandedEnv = Map.of("DATA_URL", "file://$(DATA_DIR)/visits")))
                .isEmpty();
    }

    @Test
    void rootUserContradictsTheFixedRunAsNonRootButRootGroupIsAllowed() {
        assertSingleError(
                b -> b.podSecurity = new PodSecuritySpec(0L, null, null),
                "<securityContext><runAsUser>",
                "0",
                "is root, but the pods run with runAsNonRoot: true, so the kubelet never starts them;"
                        + " use a non-zero UID such as 10001");
        assertSingleError(
                b -> b.podSecurity = new PodSecuritySpec(-1L, null, null),
                "<securityContext><runAsUser>",
                "-1",
                "must be a UID from 1 to 2147483647");
        assertSingleError(
                b -> b.podSecurity = new PodSecuritySpec(null, 2147483648L, null),
                "<securityContext><runAsGroup>",
                "2147483648",
                "must be a GID from 0 to 2147483647");
        // Pod Security "restricted" does not restrict groups; GID 0 is a common way to share files.
        assertThat(errors(b -> b.podSecurity = new PodSecuritySpec(10001L, 0L, 0L)))
                .isEmpty();
    }

    @Test
    void labelsTheChartSetsCannotBeOverriddenByPodLabels() {
        assertSingleError(
                b -> b.podLabels = Map.of("app.kubernetes.io/name", "other"),
                "<podLabels><property name=\"app.kubernetes.io/name\">",
                "app.kubernetes.io/name",
                "a label the chart sets itself");
        assertSingleError(
                b -> b.podLabels = Map.of("app.kubernetes.io/version", "2"),
                "<podLabels><property name=\"app.kubernetes.io/version\">",
                "app.kubernetes.io/version",
                "a label the chart sets itself");
    }

    @Test
    void kubeVersionMustBeAConstraintAndShouldAcceptManagedClusterVersions() {
        assertSingleError(
                b -> b.chart = withKubeVersion(b, "1.27+"),
                "<chart><kubeVersion>",
                "1.27+",
                "is not a SemVer constraint");
        List<ConfigProblem> plain = problems(b -> b.chart = withKubeVersion(b, ">=1.27.0"));
        assertThat(plain).noneMatch(ConfigProblem::isError);
        assertThat(plain)
                .anyMatch(p -> p.element().equals("<chart><kubeVersion>")
                        && p.message().contains("v1.29.0-eks"));
        for (String ok :
                List.of(">=1.27.0-0", ">= 1.27.0-0 < 1.40.0-0", "~1.30", "^1.28.0-0 || >=1.33.0-0", "1.27 - 1.31")) {
            assertThat(problems(b -> b.chart = withKubeVersion(b, ok)))
                    .as(ok)
                    .noneMatch(p -> p.element().equals("<chart><kubeVersion>"));
        }
    }

    @Test
    void anAppVersionThatIsNoImageTagIsBlamedOnTheAppVersion() {
        assertSingleError(
                b -> {
                    b.chartVersion("1.0.0", "1.0.0+build.5");
                    b.image = new ImageSpec("ghcr.io/acme/visit-counter", null, null);
                },
                "<chart><appVersion>",
                "1.0.0+build.5",
                "set <image><tag> explicitly");
    }

    @Test
    void doubtfulButPossibleSettingsOnlyWarn() {
        List<ConfigProblem> nodePort = problems(b -> b.service = new ServiceSpec(true, "NodePort", 8080, null, 8080));
        assertThat(nodePort).noneMatch(ConfigProblem::isError);
        assertThat(nodePort)
                .anyMatch(p ->
                        p.element().equals("<service><nodePort>") && p.message().contains("30000-32767"));
        List<ConfigProblem> policy =
                problems(b -> b.hooks = List.of(hook("post-install", "hook-succeeded", "busybox:1.36")));
        assertThat(policy).noneMatch(ConfigProblem::isError);
        assertThat(policy)
                .anyMatch(p -> p.element().equals("<hooks><hook name=\"h\"><deletePolicies>")
                        && p.message().contains("already exists"));
    }

    private static ChartSpec.ChartInfo withKubeVersion(SpecBuilder b, String kubeVersion) {
        ChartSpec.ChartInfo c = b.chart;
        return new ChartSpec.ChartInfo(
                c.name(),
                c.version(),
                c.appVersion(),
                c.description(),
                kubeVersion,
                c.home(),
                c.icon(),
                c.sources(),
                c.maintainers(),
                c.keywords());
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        List<ConfigProblem> errors = errors(b -> {
            b.podManagementPolicy = "Sideways";
            b.claims = List.of(new ClaimSpec("data", "relative", "huge", null, null));
        });
        assertThat(errors)
                .extracting(ConfigProblem::element)
                .containsExactly(
                        "<podManagementPolicy>",
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size>");
    }

    private static Consumer<SpecBuilder> strategy(
            String name, Integer canaryReplicas, String activeSlot, String recreateImage) {
        return strategy(new ChartSpec.StrategySpec(name, canaryReplicas, null, activeSlot, null, recreateImage));
    }

    private static Consumer<SpecBuilder> strategy(ChartSpec.StrategySpec strategy) {
        return b -> {
            b.replicas = 3;
            b.updateStrategy = null;
            b.strategy = strategy;
        };
    }

    @Test
    void everyStrategyPresetIsValidWithItsDefaults() {
        for (String name : List.of("rolling", "canary", "blueGreen", "recreate", "ramped")) {
            assertThat(errors(strategy(name, null, null, null))).as(name).isEmpty();
        }
    }

    @Test
    void canaryNeedsFewerCanaryPodsThanReplicasAndDecidesThePartition() {
        assertSingleError(strategy("canary", 3, null, null), "<canaryReplicas>", "3", "less than <replicas> (3)");
        assertSingleError(strategy("canary", 0, null, null), "<canaryReplicas>", "0", "at least 1");
        assertSingleError(
                strategy("canary", 1, null, null)
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec(null, 2, null)),
                "<updateStrategy><partition>",
                "2",
                "remove <partition> and set <canaryReplicas>");
    }

    @Test
    void blueGreenRefusesOnDeleteAndUnknownSlots() {
        assertSingleError(
                strategy("blueGreen", null, null, null)
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec("OnDelete", null, null)),
                "<updateStrategy><type>",
                "OnDelete",
                "cannot go with <strategy>blueGreen</strategy>");
        assertSingleError(
                strategy("blueGreen", null, null, null)
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec(null, 1, null)),
                "<updateStrategy><partition>",
                "1",
                "each slot rolls fully");
        assertSingleError(strategy("blueGreen", null, "purple", null), "<activeSlot>", "purple", "blue, green");
    }

    @Test
    void recreateIsOnDeleteOnly() {
        assertSingleError(
                strategy("recreate", null, null, null)
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec("RollingUpdate", null, null)),
                "<updateStrategy><type>",
                "RollingUpdate",
                "contradicts <strategy>recreate</strategy>");
        assertSingleError(
                strategy("recreate", null, null, null)
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec(null, 1, null)),
                "<updateStrategy><partition>",
                "1",
                "OnDelete (and so <strategy>recreate</strategy>) does not have");
        assertSingleError(
                strategy("recreate", null, null, null)
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec(null, null, "1")),
                "<updateStrategy><maxUnavailable>",
                "1",
                "does not have; remove it");
    }

    @Test
    void anUnpinnedRecreateImageWarns() {
        for (String image : List.of("bitnami/kubectl", "registry.local:5000/kubectl", "kubectl:latest")) {
            List<ConfigProblem> problems = problems(strategy("recreate", null, null, image));
            assertThat(problems).as(image).noneMatch(ConfigProblem::isError);
            assertThat(problems)
                    .as(image)
                    .anyMatch(p ->
                            p.element().equals("<recreateImage>") && p.message().contains("pin a version"));
        }
        for (String image : List.of("registry.local:5000/kubectl:1.35", "kubectl@sha256:" + "a".repeat(64))) {
            assertThat(problems(strategy("recreate", null, null, image)))
                    .as(image)
                    .noneMatch(p -> p.element().equals("<recreateImage>"));
        }
    }

    @Test
    void rampedRefusesOnDelete() {
        assertSingleError(
                strategy("ramped", null, null, null)
                        .andThen(b -> b.podManagementPolicy = "Parallel")
                        .andThen(b -> b.updateStrategy = new UpdateStrategySpec("OnDelete", null, null)),
                "<updateStrategy><type>",
                "OnDelete",
                "contradicts <strategy>ramped</strategy>");
    }

    @Test
    void settingsOfAnotherStrategyAreRefused() {
        assertSingleError(
                strategy("rolling", 1, null, null),
                "<canaryReplicas>",
                "1",
                "only applies to <strategy>canary</strategy>");
        assertSingleError(
                strategy("canary", null, "green", null),
                "<activeSlot>",
                "green",
                "only applies to <strategy>blueGreen</strategy>");
        assertSingleError(
                strategy(new ChartSpec.StrategySpec("rolling", null, false, null, null, null)),
                "<canaryService>",
                "false",
                "only applies to <strategy>canary</strategy>");
        assertSingleError(
                strategy(new ChartSpec.StrategySpec("canary", null, null, null, 0, null)),
                "<idleSlotReplicas>",
                "0",
                "only applies to <strategy>blueGreen</strategy>");
        assertSingleError(
                strategy("rolling", null, null, "kubectl:1"),
                "<recreateImage>",
                "kubectl:1",
                "only applies to <strategy>recreate</strategy>");
    }

    @Test
    void strategiesAChartCannotDeliverAreRefusedWithWhatToUseInstead() {
        assertSingleError(strategy("shadow", null, null, null), "<strategy>", "shadow", "RequestMirror");
        assertSingleError(strategy("abTesting", null, null, null), "<strategy>", "abTesting", "HTTPRoute matches");
        assertSingleError(
                strategy("bigBang", null, null, null),
                "<strategy>",
                "bigBang",
                "rolling, canary, blueGreen, recreate or ramped");
    }

    @Test
    void rampedWithOrderedReadyWarns() {
        List<ConfigProblem> problems =
                problems(strategy("ramped", null, null, null).andThen(b -> b.podManagementPolicy = "OrderedReady"));
        assertThat(problems).noneMatch(ConfigProblem::isError);
        assertThat(problems)
                .anyMatch(p -> p.element().equals("<strategy>") && p.message().contains("OrderedReady ignores"));
    }

    private static HookSpec hook(String event, String deletePolicy, String image) {
        return new HookSpec(
                "h", List.of(event), 0, List.of(deletePolicy), image, List.of("true"), null, null, null, null);
    }
}
