package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.container;
import static io.statefulset.chart.RawConfig.sidecarPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.RawConfig.ResourcesConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <initContainers>} and {@code <sidecars>}, rendered by real Helm for a cluster with native
 * sidecars (1.35.0) and one without (1.28.0), read strictly by fabric8.
 */
class ExtraContainersHelmTest {
    static final String NAME = "demo-visit-counter";
    static final String NATIVE = "1.35.0";
    static final String PLAIN = "1.28.0";

    @TempDir
    static Path dir;

    static Path chart;

    static RawConfig config() {
        return SampleConfigs.visitCounter()
                .initContainers(
                        container("restore", "registry.example/tools:1.4.2")
                                .command("tools", "restore")
                                .args("--from", "$(BACKUP_URL)")
                                .env(Map.of("BACKUP_URL", "s3://backups/{{ .Release.Name }}")),
                        container("migrate", "registry.example/tools:1.4.2")
                                .command("tools", "migrate")
                                .resources(new ResourcesConfig().limit("memory", "256Mi")))
                .sidecars(container("shipper", "registry.example/shipper:3.1.0")
                        .ports(sidecarPort("ship-admin", 2020).publish(true), sidecarPort("ship-debug", 2021)));
    }

    @BeforeAll
    static void generate() throws Exception {
        chart = RenderedChart.generate(config(), dir.resolve("chart"));
    }

    static PodSpec pod(Path chart, String kubeVersion, Map<String, String> set) throws Exception {
        return RenderedChart.render(
                        chart,
                        TemplateRequest.release("demo")
                                .withKubeVersion(kubeVersion)
                                .withSet(set))
                .get(StatefulSet.class, NAME)
                .getSpec()
                .getTemplate()
                .getSpec();
    }

    @Test
    void initContainersRunInOrderWithEveryClaimTmpAndTheirOwnResources() throws Exception {
        PodSpec pod = pod(chart, NATIVE, Map.of());
        assertThat(pod.getInitContainers())
                .extracting(Container::getName)
                .containsExactly("restore", "migrate", "shipper");
        Container restore = pod.getInitContainers().get(0);
        assertThat(restore.getImage()).isEqualTo("registry.example/tools:1.4.2");
        assertThat(restore.getCommand()).containsExactly("tools", "restore");
        assertThat(restore.getRestartPolicy()).isNull();
        // As the application's <env>: values arrive as written, $(…) escaped, {{ }} never rendered.
        assertThat(restore.getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .containsExactly(tuple("BACKUP_URL", "s3://backups/{{ .Release.Name }}"));
        assertThat(restore.getArgs()).containsExactly("--from", "$(BACKUP_URL)");
        assertThat(restore.getVolumeMounts())
                .extracting(VolumeMount::getName, VolumeMount::getMountPath)
                .containsExactly(tuple("data", "/app/data"), tuple("tmp", "/tmp"));
        // The defaults of the hooks, part by part.
        assertThat(restore.getResources().getRequests())
                .containsEntry("cpu", new Quantity("10m"))
                .containsEntry("memory", new Quantity("16Mi"));
        assertThat(restore.getResources().getLimits()).containsEntry("memory", new Quantity("64Mi"));
        Container migrate = pod.getInitContainers().get(1);
        assertThat(migrate.getResources().getLimits())
                .containsEntry("memory", new Quantity("256Mi"))
                .containsEntry("cpu", new Quantity("100m"));
        assertThat(migrate.getResources().getRequests()).containsEntry("memory", new Quantity("16Mi"));
    }

    @Test
    void sidecarsAreNativeFrom129AndPlainContainersBefore() throws Exception {
        PodSpec modern = pod(chart, NATIVE, Map.of());
        Container shipper = modern.getInitContainers().get(2);
        assertThat(shipper.getName()).isEqualTo("shipper");
        assertThat(shipper.getRestartPolicy()).isEqualTo("Always");
        assertThat(shipper.getVolumeMounts()).extracting(VolumeMount::getName).containsExactly("tmp");
        assertThat(modern.getContainers()).extracting(Container::getName).containsExactly("visit-counter");

        for (String version : List.of(PLAIN, "1.27.3")) {
            PodSpec old = pod(chart, version, Map.of());
            assertThat(old.getInitContainers())
                    .as(version)
                    .extracting(Container::getName)
                    .containsExactly("restore", "migrate");
            assertThat(old.getContainers())
                    .as(version)
                    .extracting(Container::getName)
                    .containsExactly("visit-counter", "shipper");
            assertThat(old.getContainers().get(1).getRestartPolicy()).isNull();
            assertThat(old.getContainers().get(1).getPorts())
                    .extracting(p -> p.getName() + ":" + p.getContainerPort())
                    .containsExactly("ship-admin:2020", "ship-debug:2021");
        }
        assertThat(pod(chart, "1.29.0", Map.of()).getInitContainers()).hasSize(3);
    }

    @Test
    void everyContainerHasTheApplicationsRestrictedSecurityContext() throws Exception {
        for (String version : List.of(NATIVE, PLAIN)) {
            PodSpec pod = pod(chart, version, Map.of());
            Container app = pod.getContainers().get(0);
            for (Container c : concat(pod.getInitContainers(), pod.getContainers())) {
                assertThat(c.getSecurityContext()).as(c.getName()).isEqualTo(app.getSecurityContext());
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(c.getResources().getLimits()).as(c.getName()).containsKeys("memory");
            }
        }
    }

    @Test
    void onlyPublishedSidecarPortsJoinTheHeadlessService() throws Exception {
        Service headless = RenderedChart.render(chart, "demo", Map.of()).get(Service.class, NAME + "-headless");
        assertThat(headless.getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort)
                .containsExactly(tuple("http", 8080), tuple("ship-admin", 2020));
    }

    @Test
    void theGeneratedChartValidatesWithoutFindings() throws Exception {
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()));
        assertThat(validator.validateChart(chart, "demo", List.of(), null).findings())
                .isEmpty();
    }

    @Test
    void withoutThemThePodIsAsBefore() throws Exception {
        PodSpec pod = pod(chart, NATIVE, Map.of("initContainers", "null", "sidecars", "null"));
        assertThat(pod.getInitContainers()).isEmpty();
        assertThat(pod.getContainers()).hasSize(1);
    }

    @Test
    void installTimeValuesFollowTheSchemaAndTheChecks() {
        assertThatThrownBy(() -> pod(chart, NATIVE, Map.of("sidecars[0].image", "registry.example/shipper")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/sidecars/0/image");
        // --set on a list index replaces the whole list, so each case gives whole entries.
        assertThatThrownBy(() -> pod(
                        chart,
                        NATIVE,
                        Map.of(
                                "initContainers[0].name", "restore",
                                "initContainers[0].image", "registry.example/tools:1.4.2",
                                "initContainers[1].name", "restore",
                                "initContainers[1].image", "registry.example/tools:1.4.2")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("initContainers[1].name \"restore\" is the name of another container of the pod");
        assertThatThrownBy(() -> pod(
                        chart,
                        NATIVE,
                        Map.of("sidecars[0].name", "visit-counter", "sidecars[0].image", "registry.example/x:1")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("sidecars[0].name \"visit-counter\" is the name of another container");
        assertThatThrownBy(() -> pod(
                        chart,
                        NATIVE,
                        Map.of(
                                "sidecars[0].name", "shipper",
                                "sidecars[0].image", "registry.example/shipper:3.1.0",
                                "sidecars[0].ports[0].name", "ship-admin",
                                "sidecars[0].ports[0].containerPort", "8080")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("sidecars[0].ports: 8080 is already a port of the pod");
    }

    @Test
    void pomMistakesNameTheElementTheValueAndTheFix() {
        assertError(
                SampleConfigs.visitCounter().sidecars(container("visit-counter", "registry.example/shipper:3.1.0")),
                "<sidecars><sidecar name=\"visit-counter\"><name>",
                "visit-counter",
                "give every container its own name");
        assertError(
                SampleConfigs.visitCounter()
                        .initContainers(container("restore", "registry.example/tools:1.4.2"))
                        .sidecars(container("restore", "registry.example/shipper:3.1.0")),
                "<sidecars><sidecar name=\"restore\"><name>",
                "restore",
                "another container of the pod");
        assertError(
                SampleConfigs.visitCounter().initContainers(container("restore", "registry.example/tools")),
                "<initContainers><initContainer name=\"restore\"><image>",
                "registry.example/tools",
                "has no tag");
        assertError(
                SampleConfigs.visitCounter().initContainers(container("Restore", "registry.example/tools:1")),
                "<initContainers><initContainer name=\"Restore\"><name>",
                "Restore",
                "DNS-1123 label");
        assertError(
                SampleConfigs.visitCounter()
                        .sidecars(container("shipper", "registry.example/shipper:3.1.0")
                                .ports(sidecarPort("http", 2020))),
                "<sidecars><sidecar name=\"shipper\"><ports><port name=\"http\"><name>",
                "http",
                "is already a port of the pod");
        assertError(
                SampleConfigs.visitCounter()
                        .sidecars(container("shipper", "registry.example/shipper:3.1.0")
                                .ports(sidecarPort("admin", 8080))),
                "<sidecars><sidecar name=\"shipper\"><ports><port name=\"admin\"><containerPort>",
                "8080",
                "each port number can be bound once");
        assertError(
                SampleConfigs.visitCounter()
                        .initContainers(container("restore", "registry.example/tools:1.4.2")
                                .ports(sidecarPort("admin", 2020))),
                "<initContainers><initContainer name=\"restore\"><ports>",
                null,
                "make the container a <sidecar>");
        assertError(
                SampleConfigs.visitCounter()
                        .sidecars(container("shipper", "registry.example/shipper:3.1.0")
                                .resources(new ResourcesConfig()
                                        .request("memory", "1Gi")
                                        .limit("memory", "64Mi"))),
                "<sidecars><sidecar name=\"shipper\"><resources><requests><memory>",
                "1Gi",
                "rejects a request above its limit");
        List<ConfigProblem> latest = SampleConfigs.problems(
                SampleConfigs.visitCounter().sidecars(container("shipper", "registry.example/shipper:latest")));
        assertThat(latest).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.element()).isEqualTo("<sidecars><sidecar name=\"shipper\"><image>");
            assertThat(p.message()).contains("pin a version");
        });
        assertThat(SampleConfigs.problems(config())).isEmpty();
    }

    private static void assertError(RawConfig config, String element, String value, String fix) {
        List<ConfigProblem> errors = SampleConfigs.problems(config).stream()
                .filter(ConfigProblem::isError)
                .toList();
        assertThat(errors).as(errors.toString()).singleElement().satisfies(e -> {
            assertThat(e.element()).isEqualTo(element);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.toString()).contains(fix);
        });
    }

    private static List<Container> concat(List<Container> a, List<Container> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
