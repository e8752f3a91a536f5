package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes version a render is for reaches Helm's .Capabilities and its kubeVersion check. */
class KubeVersionHelmTest {

    static Path chart(Path dir, String kubeVersion) throws Exception {
        Path chart = dir.resolve("probe");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "apiVersion: v2\nname: probe\nversion: 0.1.0\n"
                        + (kubeVersion == null ? "" : "kubeVersion: \"" + kubeVersion + "\"\n"));
        Files.writeString(
                chart.resolve("templates/cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n"
                        + "data:\n  version: {{ .Capabilities.KubeVersion.Version | quote }}\n");
        return chart;
    }

    @Test
    void theRequestedVersionIsTheOneRenderedFor(@TempDir Path dir) throws Exception {
        Path chart = chart(dir, null);
        assertThat(RenderedChart.HELM.template(
                        chart, TemplateRequest.release("r").withKubeVersion("1.30.0")))
                .contains("version: \"v1.30.0\"");
        assertThat(RenderedChart.HELM.template(chart, TemplateRequest.release("r")))
                .contains("version: \"v" + TemplateRequest.DEFAULT_KUBE_VERSION + "\"");
    }

    @Test
    void anExplicitVersionTheChartRefusesFailsWhileTheDefaultMovesToOneItAccepts(@TempDir Path dir) throws Exception {
        Path chart = chart(dir, ">=1.38.0-0");
        assertThatThrownBy(() ->
                        new HelmChartRenderer(RenderedChart.HELM, "1.30.0").render(chart, "r", java.util.List.of()))
                .hasMessageContaining("incompatible with Kubernetes v1.30.0");
        assertThat(new HelmChartRenderer(RenderedChart.HELM, null).render(chart, "r", java.util.List.of()))
                .contains("version: \"v1.40.0\"");
    }
}
