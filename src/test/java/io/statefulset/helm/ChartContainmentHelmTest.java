package io.statefulset.helm;

import static io.statefulset.chart.SpecialFiles.PASSWD_LINE;
import static io.statefulset.chart.SpecialFiles.chart;
import static io.statefulset.chart.SpecialFiles.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.RefusedInputException;
import io.statefulset.chart.SpecialFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts given to render and validate may link only inside themselves: the password file, a
 * device or a FIFO never reaches Helm, the copy made for rendering, the log or the reports. Links
 * inside a chart work as Helm reads them.
 */
class ChartContainmentHelmTest {
    @TempDir
    Path dir;

    /** A chart that puts files/passwd into a ConfigMap, as a template may with .Files.Get. */
    private Path chartShowingPasswd() throws Exception {
        Path chart = chart(dir, "demo");
        Files.writeString(
                chart.resolve("templates/files.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: files\n"
                        + "data:\n  passwd: {{ .Files.Get \"files/passwd\" | quote }}\n");
        link(chart.resolve("files/passwd"), "/etc/passwd");
        return chart;
    }

    @Test
    void renderingRefusesALinkToThePasswordFile() throws Exception {
        Path chart = chartShowingPasswd();
        assertThatThrownBy(() -> RenderedChart.HELM.template(chart, TemplateRequest.release("demo")))
                .isInstanceOf(HelmException.class)
                .hasMessage("files/passwd is a link to /etc/passwd, outside the chart " + chart
                        + "; charts may link only to files inside themselves")
                .hasMessageNotContaining(PASSWD_LINE);
    }

    @Test
    void renderingRefusesATemplateLinkedToDevZero() throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("templates/zero.yaml"), "/dev/zero");
        assertThatThrownBy(() -> RenderedChart.HELM.template(chart, TemplateRequest.release("demo")))
                .hasMessageStartingWith("templates/zero.yaml is a link to /dev/zero, outside the chart");
    }

    @Test
    void renderingRefusesATemplateThatIsAFifo() throws Exception {
        Path chart = chart(dir, "demo");
        Path pipe = SpecialFiles.fifo(chart.resolve("templates/pipe.yaml"));
        try (SpecialFiles.FifoWriter writer = new SpecialFiles.FifoWriter(pipe)) {
            assertThatThrownBy(() -> RenderedChart.HELM.template(chart, TemplateRequest.release("demo")))
                    .hasMessageStartingWith("templates/pipe.yaml in the chart " + chart + " is a FIFO (named pipe)");
        }
    }

    @Test
    void linksInsideTheChartRenderAsTheirTargets() throws Exception {
        Path chart = chart(dir, "demo");
        Path shared = Files.createDirectories(chart.resolve("shared"));
        Files.writeString(
                shared.resolve("extra.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-extra\n");
        link(chart.resolve("templates/shared"), "../shared");
        String rendered = RenderedChart.HELM.template(chart, TemplateRequest.release("demo"));
        assertThat(rendered).contains("name: demo-extra").contains("name: demo-config");
    }

    @Test
    void validationRefusesTheChartBeforeHelmReadsIt() throws Exception {
        Path chart = chartShowingPasswd();
        assertThatThrownBy(() -> ChartValidationHelmTest.validator().validateChart(chart, "demo", List.of(), null))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith("files/passwd is a link to /etc/passwd, outside the chart " + chart)
                .hasMessageNotContaining(PASSWD_LINE);
    }

    @Test
    void validationRefusesAPreviousChartDirectoryLinkingOutOfItself() throws Exception {
        Path chart = chart(dir, "demo");
        Path previous = chart(dir.resolve("previous"), "demo");
        link(previous.resolve("templates/zero.yaml"), "/dev/zero");
        assertThatThrownBy(() -> ChartValidationHelmTest.validator().validateChart(chart, "demo", List.of(), previous))
                .isInstanceOf(RefusedInputException.class)
                .hasMessage("templates/zero.yaml is a link to /dev/zero, outside the previous chart " + previous
                        + "; charts may link only to files inside themselves");
    }

    @Test
    void validationNamesATruncatedPreviousArchive() throws Exception {
        Path chart = chart(dir, "demo");
        Path whole = ChartValidationHelmTest.tgz(chart(dir.resolve("previous"), "demo"), dir.resolve("whole.tgz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("demo-0.9.0.tgz"), Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> ChartValidationHelmTest.validator().validateChart(chart, "demo", List.of(), truncated))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith(truncated + " is truncated: it ends ");
    }

    @Test
    void validationNamesAValuesFileThatIsNotUtf8() throws Exception {
        Path chart = chart(dir, "demo");
        Path values = Files.write(dir.resolve("latin1-values.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(
                        () -> ChartValidationHelmTest.validator().validateChart(chart, "demo", List.of(values), null))
                .isInstanceOf(RefusedInputException.class)
                .hasMessage(values + " is not UTF-8 text: the byte 0xE9 at offset 3 does not belong to a UTF-8"
                        + " character; save the file as UTF-8");
    }
}
