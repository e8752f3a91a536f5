package io.statefulset.chart;

import static io.statefulset.chart.RawConfig.claim;
import static io.statefulset.chart.RawConfig.hook;
import static io.statefulset.chart.RawConfig.image;
import static io.statefulset.chart.RawConfig.port;
import static io.statefulset.chart.RawConfig.probe;
import static io.statefulset.chart.RawConfig.retention;
import static io.statefulset.chart.RawConfig.updateType;
import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.RawConfig.ClaimConfig;
import io.statefulset.chart.RawConfig.HookConfig;
import io.statefulset.chart.RawConfig.ProbesConfig;
import io.statefulset.chart.RawConfig.ResourcesConfig;
import io.statefulset.chart.RawConfig.SecurityConfig;
import io.statefulset.chart.RawConfig.ServiceConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The checks every section of the model makes, each reported with its element, value and fix. */
class ChartModelChecksTest {

    private static ClaimConfig data() {
        return claim("data").mountPath("/app/data").size("1Mi").accessModes("ReadWriteOnce");
    }

    private static List<ConfigProblem> problems(Consumer<RawConfig> change) {
        RawConfig config = SampleConfigs.visitCounter();
        change.accept(config);
        return SampleConfigs.problems(config);
    }

    private static List<ConfigProblem> errors(Consumer<RawConfig> change) {
        return problems(change).stream().filter(ConfigProblem::isError).toList();
    }

    /** Exactly one error, at {@code element}, quoting {@code value}, with a message containing {@code fix}. */
    private static void assertSingleError(Consumer<RawConfig> change, String element, String value, String fix) {
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
        assertThat(problems(c -> {})).isEmpty();
    }

    @Test
    void maxUnavailableAboveOneSaysWhereKubernetesHonoursIt() {
        for (String value : List.of("2", "50%")) {
            List<ConfigProblem> problems = problems(c ->
                    c.updateStrategy(updateType("RollingUpdate").partition(0).maxUnavailable(value)));
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
        assertThat(SampleConfigs.problems(SampleConfigs.minimal())).noneMatch(ConfigProblem::isError);
    }

    @Test
    void chartNameMustBeDnsLabel() {
        assertSingleError(c -> c.chartName("Visit_Counter"), "<chart><name>", "Visit_Counter", "DNS-1123 label");
    }

    @Test
    void chartVersionWithoutSemVerFormIsRejected() {
        assertSingleError(
                c -> c.chartVersion("1.2.3.4", "1.2.3.4"),
                "<chart><version>",
                "1.2.3.4",
                "set <chart><version> to MAJOR.MINOR.PATCH");
    }

    @Test
    void imageRepositoryIsRequiredAndMayNotCarryATag() {
        assertSingleError(c -> c.image(image(null).tag("1.0.0")), "<image><repository>", null, "is required");
        assertSingleError(
                c -> c.image(image("ghcr.io/acme/app:1.0").tag("1.0.0")),
                "<image><repository>",
                "ghcr.io/acme/app:1.0",
                "put the tag into <image><tag>");
        assertSingleError(
                c -> c.image(image("ghcr.io/acme/app").tag("1.0.0").pullPolicy("Sometimes")),
                "<image><pullPolicy>",
                "Sometimes",
                "Always, IfNotPresent, Never");
    }

    @Test
    void latestTagOnlyWarns() {
        List<ConfigProblem> problems =
                problems(c -> c.image(image("ghcr.io/acme/app").tag("latest")));
        assertThat(problems).noneMatch(ConfigProblem::isError);
        assertThat(problems)
                .anyMatch(p -> p.element().equals("<image><tag>") && p.message().contains("pin a version"));
    }

    @Test
    void negativeReplicasAreRejected() {
        List<ConfigProblem> errors = errors(
                c -> c.replicas(-1).updateStrategy(updateType("RollingUpdate").partition(0)));
        assertThat(errors).extracting(ConfigProblem::element).containsExactly("<replicas>");
        assertThat(errors.get(0).value()).isEqualTo("-1");
    }

    @Test
    void partitionMustBeBetweenZeroAndReplicas() {
        assertSingleError(
                c -> c.updateStrategy(updateType("RollingUpdate").partition(-1)),
                "<updateStrategy><partition>",
                "-1",
                "must be 0 or more");
        assertSingleError(
                c -> c.updateStrategy(updateType("RollingUpdate").partition(3)),
                "<updateStrategy><partition>",
                "3",
                "use a value from 0 to 2");
        assertThat(errors(c -> c.updateStrategy(updateType("RollingUpdate").partition(2))))
                .isEmpty();
    }

    @Test
    void maxUnavailableMustBePositiveAndOnlyWithRollingUpdate() {
        assertSingleError(
                c -> c.updateStrategy(updateType("RollingUpdate").partition(0).maxUnavailable("0")),
                "<updateStrategy><maxUnavailable>",
                "0",
                "at least 1");
        assertSingleError(
                c -> c.updateStrategy(updateType("RollingUpdate").partition(0).maxUnavailable("150%")),
                "<updateStrategy><maxUnavailable>",
                "150%",
                "percentage from 1% to 100%");
        assertSingleError(
                c -> c.updateStrategy(updateType("OnDelete").maxUnavailable("1")),
                "<updateStrategy><maxUnavailable>",
                "1",
                "only applies to RollingUpdate");
        assertSingleError(
                c -> c.updateStrategy(updateType("OnDelete").partition(1)),
                "<updateStrategy><partition>",
                "1",
                "only applies to RollingUpdate");
        assertThat(errors(c -> c.updateStrategy(updateType("OnDelete")))).isEmpty();
        assertThat(errors(c -> c.updateStrategy(
                        updateType("RollingUpdate").partition(0).maxUnavailable("50%"))))
                .isEmpty();
    }

    @Test
    void maxUnavailableWithOrderedReadyWarns() {
        List<ConfigProblem> problems = problems(c -> c.podManagementPolicy("OrderedReady")
                .updateStrategy(updateType("RollingUpdate").partition(0).maxUnavailable("2")));
        assertThat(problems).noneMatch(ConfigProblem::isError);
        assertThat(problems).anyMatch(p -> p.message().contains("no effect with <podManagementPolicy>OrderedReady"));
    }

    @Test
    void unknownPoliciesAreRejected() {
        assertSingleError(
                c -> c.podManagementPolicy("Sideways"), "<podManagementPolicy>", "Sideways", "OrderedReady, Parallel");
        assertSingleError(
                c -> c.updateStrategy(updateType("Recreate")),
                "<updateStrategy><type>",
                "Recreate",
                "RollingUpdate, OnDelete");
        assertSingleError(
                c -> c.persistentVolumeClaimRetentionPolicy(retention("Keep", "Retain")),
                "<persistentVolumeClaimRetentionPolicy><whenDeleted>",
                "Keep",
                "Retain, Delete");
        assertSingleError(
                c -> c.persistentVolumeClaimRetentionPolicy(retention("Retain", "Forget")),
                "<persistentVolumeClaimRetentionPolicy><whenScaled>",
                "Forget",
                "Retain, Delete");
    }

    @Test
    void claimNameMustBeDnsLabel() {
        assertSingleError(
                c -> c.volumeClaimTemplates(
                        claim("Data_1").mountPath("/app/data").size("1Mi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"Data_1\"><name>",
                "Data_1",
                "DNS-1123 label");
    }

    @Test
    void claimSizeMustBeAQuantity() {
        assertSingleError(
                c -> c.volumeClaimTemplates(claim("data").mountPath("/app/data").size("1 Gi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size>",
                "1 Gi",
                "e.g. 1Gi, 500Mi or 10G");
        assertSingleError(
                c -> c.volumeClaimTemplates(claim("data").mountPath("/app/data").size("0")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size>",
                "0",
                "more than zero");
    }

    @Test
    void unknownAccessModeIsRejected() {
        assertSingleError(
                c -> c.volumeClaimTemplates(
                        claim("data").mountPath("/app/data").size("1Mi").accessModes("ReadWriteSometimes")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><accessModes><accessMode>",
                "ReadWriteSometimes",
                "ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod");
    }

    @Test
    void mountPathsMustBeAbsoluteAndDistinct() {
        assertSingleError(
                c -> c.volumeClaimTemplates(claim("data").mountPath("app/data").size("1Mi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                "app/data",
                "/app/data");
        assertSingleError(
                c -> c.volumeClaimTemplates(
                        data(), claim("logs").mountPath("/app/data").size("1Mi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"logs\"><mountPath>",
                "/app/data",
                "each volume needs its own mount path");
        assertSingleError(
                c -> c.volumeClaimTemplates(
                        claim("data").mountPath("/app/../data").size("1Mi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                "/app/../data",
                "normalised");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertSingleError(
                c -> c.volumeClaimTemplates(
                        data(), claim("data").mountPath("/other").size("1Mi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><name>",
                "data",
                "must be unique");
        assertSingleError(
                c -> c.ports(port("http", 8080), port("http", 9090)),
                "<ports><port name=\"http\"><name>",
                "http",
                "is declared twice");
        HookConfig hook = SampleConfigs.visitCounter().hooks().get(0);
        assertSingleError(
                c -> c.hooks(hook, hook), "<hooks><hook name=\"preinstall\"><name>", "preinstall", "must be unique");
    }

    @Test
    void hookEventsAndPoliciesMustBeHelms() {
        assertSingleError(
                c -> c.hooks(eventHook("pre-instal", "before-hook-creation", "busybox:1.36")),
                "<hooks><hook name=\"h\"><events><event>",
                "pre-instal",
                "pre-install, post-install");
        assertSingleError(
                c -> c.hooks(eventHook("post-install", "always", "busybox:1.36")),
                "<hooks><hook name=\"h\"><deletePolicies><deletePolicy>",
                "always",
                "before-hook-creation, hook-succeeded, hook-failed");
    }

    @Test
    void helmTwosNameOfTheTestEventIsReadAsTestWithAWarning() {
        List<ConfigProblem> legacy =
                problems(c -> c.hooks(eventHook("test-success", "before-hook-creation", "busybox:1.36")));
        assertThat(legacy).noneMatch(ConfigProblem::isError);
        assertThat(legacy)
                .anyMatch(p -> p.element().equals("<hooks><hook name=\"h\"><events><event>")
                        && p.value().equals("test-success")
                        && p.message().contains("Write <event>test</event>"));
        assertSingleError(
                c -> c.hooks(hook("h")
                        .events("test", "test-success")
                        .image("busybox:1.36")
                        .command("true")),
                "<hooks><hook name=\"h\"><events><event>",
                "test-success",
                "is listed twice");
    }

    @Test
    void hookNamedLikeTheRecreateJobIsRejected() {
        assertSingleError(
                c -> c.hooks(eventHook("post-install", "hook-succeeded", "busybox:1.36")
                        .name("recreate")),
                "<hooks><hook name=\"recreate\"><name>",
                "recreate",
                "the Job the recreate strategy adds");
    }

    @Test
    void hookWithoutImageIsRejected() {
        assertSingleError(
                c -> c.hooks(eventHook("post-install", "hook-succeeded", null)),
                "<hooks><hook name=\"h\"><image>",
                null,
                "is required");
    }

    @Test
    void probePortMustNameADeclaredPort() {
        assertSingleError(
                c -> c.probes(new ProbesConfig().readiness(probe("/readyz").port("web"))),
                "<probes><readiness><port>",
                "web",
                "use one of http");
    }

    @Test
    void serviceTargetPortMustBeDeclared() {
        assertSingleError(
                c -> c.service(new ServiceConfig()
                        .enabled(true)
                        .type("ClusterIP")
                        .port(80)
                        .targetPort("admin")),
                "<service><targetPort>",
                "admin",
                "use one of http");
        assertSingleError(
                c -> c.service(
                        new ServiceConfig().enabled(true).type("ExternalName").port(80)),
                "<service><type>",
                "ExternalName",
                "ClusterIP, NodePort, LoadBalancer");
    }

    @Test
    void requestsAboveLimitsAreRejected() {
        assertSingleError(
                c -> c.resources(new ResourcesConfig().request("memory", "1Gi").limit("memory", "512Mi")),
                "<resources><requests><memory>",
                "1Gi",
                "rejects a request above its limit");
        assertSingleError(
                c -> c.resources(new ResourcesConfig().request("cpu", "lots")),
                "<resources><requests><cpu>",
                "lots",
                "not a Kubernetes quantity");
    }

    @Test
    void environmentNamesAndSecretReferencesAreChecked() {
        assertSingleError(c -> c.env(Map.of("1BAD", "x")), "<env><1BAD>", "1BAD", "not an environment variable name");
        assertSingleError(
                c -> c.env(Map.of("WHOAMI", "x")),
                "<secretEnv><variable name=\"WHOAMI\"><name>",
                "WHOAMI",
                "one source");
    }

    @Test
    void expandedEnvNamesAreCheckedAndEveryVariableHasOneSource() {
        assertSingleError(
                c -> c.expandedEnv(Map.of("1BAD", "$(DATA_DIR)")),
                "<expandedEnv><1BAD>",
                "1BAD",
                "not an environment variable name");
        assertSingleError(
                c -> c.expandedEnv(Map.of("DATA_DIR", "$(HOME)/data")),
                "<expandedEnv><DATA_DIR>",
                "DATA_DIR",
                "is already set in <env> or <secretEnv>; a variable can have one source");
        assertSingleError(
                c -> c.expandedEnv(Map.of("WHOAMI", "x")),
                "<expandedEnv><WHOAMI>",
                "WHOAMI",
                "is already set in <env> or <secretEnv>");
        assertThat(errors(c -> c.expandedEnv(Map.of("DATA_URL", "file://$(DATA_DIR)/visits"))))
                .isEmpty();
    }

    @Test
    void rootUserContradictsTheFixedRunAsNonRootButRootGroupIsAllowed() {
        assertSingleError(
                c -> c.securityContext(new SecurityConfig().runAsUser(0L)),
                "<securityContext><runAsUser>",
                "0",
                "is root, but the pods run with runAsNonRoot: true, so the kubelet never starts them;"
                        + " use a non-zero UID such as 10001");
        assertSingleError(
                c -> c.securityContext(new SecurityConfig().runAsUser(-1L)),
                "<securityContext><runAsUser>",
                "-1",
                "must be a UID from 1 to 2147483647");
        assertSingleError(
                c -> c.securityContext(new SecurityConfig().runAsGroup(2147483648L)),
                "<securityContext><runAsGroup>",
                "2147483648",
                "must be a GID from 0 to 2147483647");
        // Pod Security "restricted" does not restrict groups; GID 0 is a common way to share files.
        assertThat(errors(c -> c.securityContext(
                        new SecurityConfig().runAsUser(10001L).runAsGroup(0L).fsGroup(0L))))
                .isEmpty();
    }

    @Test
    void labelsTheChartSetsCannotBeOverriddenByPodLabels() {
        assertSingleError(
                c -> c.podLabels(Map.of("app.kubernetes.io/name", "other")),
                "<podLabels><property name=\"app.kubernetes.io/name\">",
                "app.kubernetes.io/name",
                "a label the chart sets itself");
        assertSingleError(
                c -> c.podLabels(Map.of("app.kubernetes.io/version", "2")),
                "<podLabels><property name=\"app.kubernetes.io/version\">",
                "app.kubernetes.io/version",
                "a label the chart sets itself");
    }

    @Test
    void kubeVersionMustBeAConstraintAndShouldAcceptManagedClusterVersions() {
        assertSingleError(
                c -> c.chart().kubeVersion("1.27+"), "<chart><kubeVersion>", "1.27+", "is not a SemVer constraint");
        List<ConfigProblem> plain = problems(c -> c.chart().kubeVersion(">=1.27.0"));
        assertThat(plain).noneMatch(ConfigProblem::isError);
        assertThat(plain)
                .anyMatch(p -> p.element().equals("<chart><kubeVersion>")
                        && p.message().contains("v1.29.0-eks"));
        for (String ok :
                List.of(">=1.27.0-0", ">= 1.27.0-0 < 1.40.0-0", "~1.30", "^1.28.0-0 || >=1.33.0-0", "1.27 - 1.31")) {
            assertThat(problems(c -> c.chart().kubeVersion(ok)))
                    .as(ok)
                    .noneMatch(p -> p.element().equals("<chart><kubeVersion>"));
        }
    }

    @Test
    void anAppVersionThatIsNoImageTagIsBlamedOnTheAppVersion() {
        assertSingleError(
                c -> c.chartVersion("1.0.0", "1.0.0+build.5").image(image("ghcr.io/acme/visit-counter")),
                "<chart><appVersion>",
                "1.0.0+build.5",
                "set <image><tag> explicitly");
    }

    @Test
    void doubtfulButPossibleSettingsOnlyWarn() {
        List<ConfigProblem> nodePort = problems(c -> c.service(
                new ServiceConfig().enabled(true).type("NodePort").port(8080).nodePort(8080)));
        assertThat(nodePort).noneMatch(ConfigProblem::isError);
        assertThat(nodePort)
                .anyMatch(p ->
                        p.element().equals("<service><nodePort>") && p.message().contains("30000-32767"));
        List<ConfigProblem> policy =
                problems(c -> c.hooks(eventHook("post-install", "hook-succeeded", "busybox:1.36")));
        assertThat(policy).noneMatch(ConfigProblem::isError);
        assertThat(policy)
                .anyMatch(p -> p.element().equals("<hooks><hook name=\"h\"><deletePolicies>")
                        && p.message().contains("already exists"));
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        List<ConfigProblem> errors = errors(c -> c.podManagementPolicy("Sideways")
                .volumeClaimTemplates(claim("data").mountPath("relative").size("huge")));
        assertThat(errors)
                .extracting(ConfigProblem::element)
                .containsExactly(
                        "<podManagementPolicy>",
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size>");
    }

    /** Three replicas, no {@code <updateStrategy>}, and {@code name} as the strategy. */
    private static Consumer<RawConfig> strategy(String name) {
        return c -> c.replicas(3).updateStrategy(null).strategy(name);
    }

    @Test
    void everyStrategyPresetIsValidWithItsDefaults() {
        for (String name : List.of("rolling", "canary", "blueGreen", "recreate", "ramped")) {
            assertThat(errors(strategy(name))).as(name).isEmpty();
        }
    }

    @Test
    void canaryNeedsFewerCanaryPodsThanReplicasAndDecidesThePartition() {
        assertSingleError(
                strategy("canary").andThen(c -> c.canaryReplicas(3)),
                "<canaryReplicas>",
                "3",
                "less than <replicas> (3)");
        assertSingleError(strategy("canary").andThen(c -> c.canaryReplicas(0)), "<canaryReplicas>", "0", "at least 1");
        assertSingleError(
                strategy("canary")
                        .andThen(c -> c.canaryReplicas(1)
                                .updateStrategy(updateType(null).partition(2))),
                "<updateStrategy><partition>",
                "2",
                "remove <partition> and set <canaryReplicas>");
    }

    @Test
    void blueGreenRefusesOnDeleteAndUnknownSlots() {
        assertSingleError(
                strategy("blueGreen").andThen(c -> c.updateStrategy(updateType("OnDelete"))),
                "<updateStrategy><type>",
                "OnDelete",
                "cannot go with <strategy>blueGreen</strategy>");
        assertSingleError(
                strategy("blueGreen")
                        .andThen(c -> c.updateStrategy(updateType(null).partition(1))),
                "<updateStrategy><partition>",
                "1",
                "each slot rolls fully");
        assertSingleError(
                strategy("blueGreen").andThen(c -> c.activeSlot("purple")), "<activeSlot>", "purple", "blue, green");
    }

    @Test
    void recreateIsOnDeleteOnly() {
        assertSingleError(
                strategy("recreate").andThen(c -> c.updateStrategy(updateType("RollingUpdate"))),
                "<updateStrategy><type>",
                "RollingUpdate",
                "contradicts <strategy>recreate</strategy>");
        assertSingleError(
                strategy("recreate")
                        .andThen(c -> c.updateStrategy(updateType(null).partition(1))),
                "<updateStrategy><partition>",
                "1",
                "OnDelete (and so <strategy>recreate</strategy>) does not have");
        assertSingleError(
                strategy("recreate")
                        .andThen(c -> c.updateStrategy(updateType(null).maxUnavailable("1"))),
                "<updateStrategy><maxUnavailable>",
                "1",
                "does not have; remove it");
    }

    @Test
    void anUnpinnedRecreateImageWarns() {
        for (String image : List.of("bitnami/kubectl", "registry.local:5000/kubectl", "kubectl:latest")) {
            List<ConfigProblem> problems = problems(strategy("recreate").andThen(c -> c.recreateImage(image)));
            assertThat(problems).as(image).noneMatch(ConfigProblem::isError);
            assertThat(problems)
                    .as(image)
                    .anyMatch(p ->
                            p.element().equals("<recreateImage>") && p.message().contains("pin a version"));
        }
        for (String image : List.of("registry.local:5000/kubectl:1.35", "kubectl@sha256:" + "a".repeat(64))) {
            assertThat(problems(strategy("recreate").andThen(c -> c.recreateImage(image))))
                    .as(image)
                    .noneMatch(p -> p.element().equals("<recreateImage>"));
        }
    }

    @Test
    void rampedRefusesOnDelete() {
        assertSingleError(
                strategy("ramped")
                        .andThen(c -> c.podManagementPolicy("Parallel").updateStrategy(updateType("OnDelete"))),
                "<updateStrategy><type>",
                "OnDelete",
                "contradicts <strategy>ramped</strategy>");
    }

    @Test
    void settingsOfAnotherStrategyAreRefused() {
        assertSingleError(
                strategy("rolling").andThen(c -> c.canaryReplicas(1)),
                "<canaryReplicas>",
                "1",
                "only applies to <strategy>canary</strategy>");
        assertSingleError(
                strategy("canary").andThen(c -> c.activeSlot("green")),
                "<activeSlot>",
                "green",
                "only applies to <strategy>blueGreen</strategy>");
        assertSingleError(
                strategy("rolling").andThen(c -> c.canaryService(false)),
                "<canaryService>",
                "false",
                "only applies to <strategy>canary</strategy>");
        assertSingleError(
                strategy("canary").andThen(c -> c.idleSlotReplicas(0)),
                "<idleSlotReplicas>",
                "0",
                "only applies to <strategy>blueGreen</strategy>");
        assertSingleError(
                strategy("rolling").andThen(c -> c.recreateImage("kubectl:1")),
                "<recreateImage>",
                "kubectl:1",
                "only applies to <strategy>recreate</strategy>");
    }

    @Test
    void strategiesAChartCannotDeliverAreRefusedWithWhatToUseInstead() {
        assertSingleError(strategy("shadow"), "<strategy>", "shadow", "RequestMirror");
        assertSingleError(strategy("abTesting"), "<strategy>", "abTesting", "HTTPRoute matches");
        assertSingleError(
                strategy("bigBang"), "<strategy>", "bigBang", "rolling, canary, blueGreen, recreate or ramped");
    }

    @Test
    void rampedWithOrderedReadyWarns() {
        List<ConfigProblem> problems = problems(strategy("ramped").andThen(c -> c.podManagementPolicy("OrderedReady")));
        assertThat(problems).noneMatch(ConfigProblem::isError);
        assertThat(problems)
                .anyMatch(p -> p.element().equals("<strategy>") && p.message().contains("OrderedReady ignores"));
    }

    /** A hook named h that runs at {@code event}. */
    private static HookConfig eventHook(String event, String deletePolicy, String image) {
        return hook("h")
                .events(event)
                .weight(0)
                .deletePolicies(deletePolicy)
                .image(image)
                .command("true");
    }
}
