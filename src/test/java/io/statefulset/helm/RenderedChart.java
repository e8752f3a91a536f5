package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.statefulset.chart.ChartCheck;
import io.statefulset.chart.ChartGenerator;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.chart.model.RawConfiguration;
import io.statefulset.validate.ManifestReader;
import io.statefulset.validate.Manifests;
import io.statefulset.validate.Manifests.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test support: generate a chart, render it with real Helm, look objects up by kind and name. */
public final class RenderedChart {
    static final HelmRunner HELM = TestHelm.RUNNER;

    private final List<Manifest> manifests;

    private RenderedChart(List<Manifest> manifests) {
        this.manifests = manifests;
    }

    /** Generates the chart of {@code config} under {@code dir}, proven by lint and a default render. */
    public static Path generate(RawConfiguration config, Path dir) throws Exception {
        return ChartGenerator.generate(config, SampleConfigs.PROJECT, Map.of(), dir, new HelmChartCheck(HELM))
                .chartDirectory();
    }

    /** Generates without the Helm check, for tests that inspect what Helm does with a chart. */
    public static Path generateUnchecked(RawConfiguration config, Path dir) throws Exception {
        return ChartGenerator.generate(config, SampleConfigs.PROJECT, Map.of(), dir, ChartCheck.NONE)
                .chartDirectory();
    }

    /** Renders with real Helm and reads the result strictly: any unknown field or wrong type fails the test. */
    public static RenderedChart render(Path chart, TemplateRequest request) throws Exception {
        Manifests manifests = ManifestReader.read(HELM.template(chart, request));
        assertThat(manifests.problems())
                .as("problems reading the rendered chart")
                .isEmpty();
        return new RenderedChart(manifests.all());
    }

    public static RenderedChart render(Path chart, String release, Map<String, String> set) throws Exception {
        return render(chart, TemplateRequest.release(release).withSet(set));
    }

    public List<Manifest> manifests() {
        return manifests;
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
        List<T> found = all(type).stream()
                .filter(o -> name.equals(o.getMetadata().getName()))
                .toList();
        assertThat(found)
                .as(type.getSimpleName() + " " + name + " in " + names())
                .hasSize(1);
        return found.get(0);
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream()
                .map(Manifest::object)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    public List<String> names() {
        return manifests.stream().map(m -> m.kind() + "/" + m.name()).toList();
    }
}
