package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartRenderer;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile charts against the worker's limits, with real Helm: a render that loops is stopped at its
 * deadline, one whose output grows without end is stopped at the memory limit long before that,
 * and an output above the stream limit is refused. After each, the pool serves the next call.
 */
class HelmLimitsTest {
    /** 10^10 iterations: finishes long after any deadline. */
    static final String LOOPS = "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loops\n";

    static HelmWorkers workers;

    @BeforeAll
    static void start() {
        workers = new HelmWorkers(Map.of(), 768L * 1024 * 1024, Path.of(System.getProperty("java.io.tmpdir")));
    }

    @AfterAll
    static void stop() {
        workers.close();
    }

    private static HelmRunner runner(Duration timeout) {
        return new HelmRunner(workers, timeout, "<renderTimeout>");
    }

    static Path chart(Path dir, String name, String template) throws Exception {
        Path chart = dir.resolve(name);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/cm.yaml"), template);
        return chart;
    }

    @Test
    void aTemplateThatLoopsIsStoppedAtTheRenderTimeoutAndTheNextCallWorks(@TempDir Path dir) throws Exception {
        Path loops = chart(dir, "loops", LOOPS);
        assertThatThrownBy(() -> runner(Duration.ofSeconds(3)).template(loops, TemplateRequest.release("r")))
                .isInstanceOf(HelmTimeoutException.class)
                .hasMessageContaining("Helm did not render the chart loops within 3 s (<renderTimeout>)");
        assertThatThrownBy(() -> runner(Duration.ofSeconds(3)).lint(loops, true))
                .isInstanceOf(HelmTimeoutException.class)
                .hasMessageContaining("lint the chart loops");

        Path fine = chart(dir, "fine", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n");
        assertThat(runner(Duration.ofSeconds(60)).template(fine, TemplateRequest.release("r")))
                .contains("name: fine");
    }

    @Test
    void anOutputThatGrowsWithoutEndIsStoppedAtTheMemoryLimitBeforeTheDeadline(@TempDir Path dir) throws Exception {
        Path bomb = chart(
                dir,
                "bomb",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n"
                        + "{{- range until 10000000 }}\n  k{{ . }}: \"value number {{ . }}\"\n{{- end }}\n");
        // The deadline is far away: only the memory limit can end this render in time for the assertion.
        assertThatThrownBy(() -> runner(Duration.ofSeconds(600)).template(bomb, TemplateRequest.release("r")))
                .isInstanceOf(HelmStoppedException.class)
                .isNotInstanceOf(HelmTimeoutException.class)
                .hasMessageContaining("Helm used more than 768 MiB of memory trying to render the chart bomb");
    }

    @Test
    void anOutputAboveTheStreamLimitIsRefused(@TempDir Path dir) throws Exception {
        Path large = chart(
                dir,
                "large",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: large\ndata:\n  big: {{ repeat 40000000 \"x\" }}\n");
        assertThatThrownBy(() -> runner(Duration.ofSeconds(60)).template(large, TemplateRequest.release("r")))
                .isInstanceOf(HelmStoppedException.class)
                .hasMessageContaining("the chart large")
                .hasMessageContaining("32 MiB");
    }

    @Test
    void validationStopsInsteadOfReportingEachVariantAfterATimeout(@TempDir Path dir) throws Exception {
        Path loops = chart(dir, "loops", LOOPS);
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(runner(Duration.ofSeconds(2)), null),
                new Validator(new ValidationConfig(Map.of(), io.statefulset.validate.Severity.ERROR)));
        assertThatThrownBy(() -> validator.validateChart(loops, null, List.of(), null))
                .isInstanceOf(ChartRenderer.RenderStoppedException.class)
                .hasMessageContaining("within 2 s");
    }

    @Test
    void aGeneratedChartIsLintedAndRenderedOnceForGenerateAndValidate(@TempDir Path dir) throws Exception {
        HelmRunner helm = runner(Duration.ofSeconds(60));
        long before = workers.helmCalls();
        Path chart = io.statefulset.chart.ChartGenerator.generate(
                        SampleConfigs.visitCounter(),
                        io.statefulset.chart.SampleConfigs.PROJECT,
                        Map.of(),
                        dir,
                        new HelmChartCheck(helm))
                .chartDirectory();
        long afterGenerate = workers.helmCalls();
        assertThat(afterGenerate - before).as("generate: one lint, one render").isEqualTo(2);

        new ChartValidator(
                        new HelmChartRenderer(helm, null),
                        new Validator(new ValidationConfig(Map.of(), io.statefulset.validate.Severity.ERROR)))
                .validateChart(chart, null, List.of(), null);
        assertThat(workers.helmCalls())
                .as("validate asks for the same lint and render, on the same files, and Helm is not asked again")
                .isEqualTo(afterGenerate);
    }
}
