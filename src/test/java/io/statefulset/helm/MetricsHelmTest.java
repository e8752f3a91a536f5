package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.container;
import static io.statefulset.chart.RawConfig.port;
import static io.statefulset.chart.RawConfig.sidecarPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.RawConfig;
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
 * {@code <metrics>}: the metrics port in the headless Service, a ServiceMonitor that selects that
 * Service (read by fabric8 into its type, strictly), or pod annotations instead.
 */
class MetricsHelmTest {
    static final String NAME = "demo-visit-counter";

    @TempDir
    static Path dir;

    static Path appPort;
    static Path sidecarPortChart;

    /** The application serves /metrics on a port of its own. */
    static RawConfig onAppPort() {
        return SampleConfigs.visitCounter()
                .ports(port("http", 8080), port("metrics", 9090))
                .metrics("metrics", "/metrics", true);
    }

    /** An exporter sidecar serves them, on a port it does not publish otherwise. */
    static RawConfig onSidecarPort() {
        return SampleConfigs.visitCounter()
                .sidecars(container("exporter", "registry.example/exporter:0.15.0")
                        .ports(sidecarPort("exporter", 9100), sidecarPort("exporter-debug", 9101)))
                .metrics("exporter", "/prometheus", false);
    }

    @BeforeAll
    static void generate() throws Exception {
        appPort = RenderedChart.generate(onAppPort(), dir.resolve("app"));
        sidecarPortChart = RenderedChart.generate(onSidecarPort(), dir.resolve("sidecar"));
    }

    @Test
    void theServiceMonitorSelectsTheHeadlessServiceThatExposesThePort() throws Exception {
        RenderedChart r = RenderedChart.render(appPort, "demo", Map.of());
        ServiceMonitor monitor = r.get(ServiceMonitor.class, NAME);
        Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
        List<Service> selected = r.all(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(selected).extracting(s -> s.getMetadata().getName()).containsExactly(NAME + "-headless");
        assertThat(selected.get(0).getSpec().getPorts())
                .extracting(ServicePort::getName)
                .contains("metrics");
        assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly("default");
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        assertThat(endpoint.getPort()).isEqualTo("metrics");
        assertThat(endpoint.getPath()).isEqualTo("/metrics");
        assertThat(endpoint.getInterval()).isEqualTo("30s");
        assertThat(endpoint.getScrapeTimeout()).isEqualTo("10s");
        // The ServiceMonitor does the work: no annotations for another Prometheus to scrape twice.
        assertThat(podAnnotations(r)).doesNotContainKeys("prometheus.io/scrape");
    }

    @Test
    void intervalTimeoutAndLabelsAreValues() throws Exception {
        ServiceMonitor monitor = RenderedChart.render(
                        appPort,
                        "demo",
                        Map.of(
                                "metrics.serviceMonitor.interval", "1m",
                                "metrics.serviceMonitor.scrapeTimeout", "45s",
                                "metrics.serviceMonitor.labels.release", "kube-prometheus"))
                .get(ServiceMonitor.class, NAME);
        assertThat(monitor.getSpec().getEndpoints().get(0).getInterval()).isEqualTo("1m");
        assertThat(monitor.getSpec().getEndpoints().get(0).getScrapeTimeout()).isEqualTo("45s");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus");
        assertThatThrownBy(
                        () -> RenderedChart.render(appPort, "demo", Map.of("metrics.serviceMonitor.interval", "often")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/metrics/serviceMonitor/interval");
    }

    @Test
    void aSidecarsMetricsPortJoinsTheHeadlessServiceWithoutPublish() throws Exception {
        RenderedChart r = RenderedChart.render(sidecarPortChart, "demo", Map.of());
        assertThat(r.get(Service.class, NAME + "-headless").getSpec().getPorts())
                .extracting(ServicePort::getName, ServicePort::getPort)
                .containsExactly(tuple("http", 8080), tuple("exporter", 9100));
        assertThat(r.get(Service.class, NAME).getSpec().getPorts())
                .extracting(ServicePort::getName)
                .containsExactly("http");
        assertThat(r.all(ServiceMonitor.class)).isEmpty();
    }

    @Test
    void withoutServiceMonitorAnnotationsOnlyWhenAskedFor() throws Exception {
        assertThat(podAnnotations(RenderedChart.render(sidecarPortChart, "demo", Map.of())))
                .doesNotContainKeys("prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path");
        assertThat(podAnnotations(
                        RenderedChart.render(sidecarPortChart, "demo", Map.of("metrics.annotations", "true"))))
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "9100")
                .containsEntry("prometheus.io/path", "/prometheus")
                .containsEntry("vault.hashicorp.com/agent-inject", "true");
        // With a ServiceMonitor the annotations stay off even when asked for.
        assertThat(podAnnotations(RenderedChart.render(appPort, "demo", Map.of("metrics.annotations", "true"))))
                .doesNotContainKey("prometheus.io/scrape");
    }

    @Test
    void offWithoutTheElementAndSwitchedAtInstallTime() throws Exception {
        Path plain = RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("plain"));
        RenderedChart r = RenderedChart.render(plain, "demo", Map.of());
        assertThat(r.all(ServiceMonitor.class)).isEmpty();
        assertThat(r.get(Service.class, NAME + "-headless").getSpec().getPorts())
                .extracting(ServicePort::getName)
                .containsExactly("http");
        ServiceMonitor monitor = RenderedChart.render(
                        plain,
                        "demo",
                        Map.of(
                                "metrics.enabled", "true",
                                "metrics.port", "http",
                                "metrics.serviceMonitor.enabled", "true"))
                .get(ServiceMonitor.class, NAME);
        assertThat(monitor.getSpec().getEndpoints().get(0).getPort()).isEqualTo("http");
        assertThatThrownBy(() -> RenderedChart.render(plain, "demo", Map.of("metrics.enabled", "true")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("metrics.port \"\" names no container port");
    }

    @Test
    void theGeneratedChartsValidateWithoutFindings() throws Exception {
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()));
        for (Path chart : List.of(appPort, sidecarPortChart)) {
            assertThat(validator.validateChart(chart, "demo", List.of(), null).findings())
                    .as(chart.toString())
                    .isEmpty();
        }
    }

    @Test
    void pomMistakesNameTheElement() {
        assertError(
                SampleConfigs.visitCounter().metrics("prom", null, true),
                "<metrics><port>",
                "prom",
                "names no container port; use one of http");
        assertError(SampleConfigs.visitCounter().metrics(null, null, true), "<metrics><port>", null, "is required");
        assertError(
                SampleConfigs.visitCounter().metrics("http", "metrics", false),
                "<metrics><path>",
                "metrics",
                "must start with '/'");
        assertThat(SampleConfigs.problems(onSidecarPort())).isEmpty();
        assertThat(SampleConfigs.resolve(SampleConfigs.visitCounter().metrics("http", null, null))
                        .metrics()
                        .path())
                .isEqualTo("/metrics");
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

    private static Map<String, String> podAnnotations(RenderedChart r) {
        return r.get(StatefulSet.class, NAME)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();
    }
}
