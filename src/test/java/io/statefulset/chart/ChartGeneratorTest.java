package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed run must leave the previous chart exactly as it was, and no debris. */
class ChartGeneratorTest {

    @TempDir
    Path out;

    private Path generateSample() throws Exception {
        return ChartGenerator.generate(
                        SampleConfigs.visitCounter(), SampleConfigs.PROJECT, Map.of(), out, ChartCheck.NONE)
                .chartDirectory();
    }

    @Test
    void writesTheChartUnderItsName() throws Exception {
        Path chart = generateSample();
        assertThat(chart).isEqualTo(out.resolve("visit-counter").toAbsolutePath());
        assertThat(chart.resolve("Chart.yaml")).exists();
        assertThat(chart.resolve("templates/statefulset.yaml")).exists();
        assertThat(chart.resolve("templates/tests/test-connection.yaml")).exists();
        assertThat(chart.resolve(".helmignore")).exists();
        assertThat(chart.resolve("values.schema.json")).exists();
        assertThat(chart.resolve("README.md")).exists();
    }

    /** The config files are input like the POM: a changed file is a changed chart, never "up to date". */
    @Test
    void aChangedConfigFileIsNotUpToDate(@TempDir Path config, @TempDir Path state) throws Exception {
        Path file = Files.writeString(config.resolve("app.properties"), "greeting=hello\n");
        RawConfig withFiles = SampleConfigs.visitCounter().configFiles(config, "/etc/app");
        ChartGenerator.Result first =
                ChartGenerator.generate(withFiles, SampleConfigs.PROJECT, Map.of(), out, ChartCheck.NONE, state);
        assertThat(first.upToDate()).isFalse();
        assertThat(ChartGenerator.generate(withFiles, SampleConfigs.PROJECT, Map.of(), out, ChartCheck.NONE, state)
                        .upToDate())
                .isTrue();
        Files.writeString(file, "greeting=hallo\n");
        ChartGenerator.Result third =
                ChartGenerator.generate(withFiles, SampleConfigs.PROJECT, Map.of(), out, ChartCheck.NONE, state);
        assertThat(third.upToDate()).isFalse();
        assertThat(third.chartDirectory().resolve("files/config/app.properties.data"))
                .hasContent("greeting=hallo\n");
    }

    @Test
    void invalidConfigurationWritesNothingAndKeepsThePreviousChart() throws Exception {
        Path chart = generateSample();
        Path marker = chart.resolve("templates/marker.yaml");
        Files.writeString(marker, "previous run");
        RawConfig bad = SampleConfigs.visitCounter().replicas(-3);

        assertThatThrownBy(() -> ChartGenerator.generate(bad, SampleConfigs.PROJECT, Map.of(), out, ChartCheck.NONE))
                .isInstanceOf(InvalidChartSpecException.class)
                .hasMessageContaining("<replicas> = '-3': must be 0 or more");
        assertThat(Files.readString(marker)).isEqualTo("previous run");
        assertThat(entries(out)).containsExactly("visit-counter");
    }

    @Test
    void rejectedChartKeepsThePreviousChartAndLeavesNoStagingDirectory() throws Exception {
        Path chart = generateSample();
        byte[] before = Files.readAllBytes(chart.resolve("values.yaml"));
        RawConfig changed = SampleConfigs.visitCounter().replicas(5);
        ChartCheck rejecting = dir -> {
            try {
                assertThat(Files.readString(dir.resolve("values.yaml"))).contains("replicaCount: 5");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new ChartRejectedException("no", List.of("lint said no"));
        };

        assertThatThrownBy(() -> ChartGenerator.generate(changed, SampleConfigs.PROJECT, Map.of(), out, rejecting))
                .isInstanceOf(ChartRejectedException.class)
                .hasMessageContaining("lint said no");
        assertThat(Files.readAllBytes(chart.resolve("values.yaml"))).isEqualTo(before);
        assertThat(entries(out)).containsExactly("visit-counter");
    }

    @Test
    void newRunReplacesThePreviousChartCompletely() throws Exception {
        Path chart = generateSample();
        Files.writeString(chart.resolve("templates/stale.yaml"), "left over");
        RawConfig changed = SampleConfigs.visitCounter().replicas(4);
        ChartGenerator.generate(changed, SampleConfigs.PROJECT, Map.of(), out, ChartCheck.NONE);
        assertThat(chart.resolve("templates/stale.yaml")).doesNotExist();
        assertThat(Files.readString(chart.resolve("values.yaml"))).contains("replicaCount: 4");
        assertThat(entries(out)).containsExactly("visit-counter");
    }

    @Test
    void stagingDirectoriesOfAKilledRunAreRemovedByTheNextRun() throws Exception {
        Path killed = Files.createDirectories(out.resolve(".visit-counter.staging-8812/visit-counter/templates"));
        Files.writeString(killed.resolve("statefulset.yaml"), "half written");
        Files.createDirectories(out.resolve(".visit-counter.staging-9150"));
        Files.createDirectories(out.resolve(".other-chart.staging-1/other-chart"));

        generateSample();

        assertThat(entries(out)).containsExactly(".other-chart.staging-1", "visit-counter");
    }

    @Test
    void aRunKilledBetweenTheMovesGetsThePreviousChartBackEvenIfTheNextRunFails() throws Exception {
        Path previous = Files.createDirectories(out.resolve(".visit-counter.staging-8812/previous/templates"));
        Files.writeString(previous.resolve("marker.yaml"), "the previous chart");
        Files.createDirectories(out.resolve(".visit-counter.staging-8812/visit-counter"));
        ChartCheck rejecting = dir -> {
            throw new ChartRejectedException("no", List.of("lint said no"));
        };

        assertThatThrownBy(() -> ChartGenerator.generate(
                        SampleConfigs.visitCounter(), SampleConfigs.PROJECT, Map.of(), out, rejecting))
                .isInstanceOf(ChartRejectedException.class);
        assertThat(out.resolve("visit-counter/templates/marker.yaml")).hasContent("the previous chart");
        assertThat(entries(out)).containsExactly("visit-counter");
    }

    @Test
    void userTemplatesAreCopiedButMayNotReplaceBundledOnes() throws Exception {
        byte[] configMap = "apiVersion: v1\nkind: ConfigMap\n".getBytes(StandardCharsets.UTF_8);
        Path chart = ChartGenerator.generate(
                        SampleConfigs.visitCounter(),
                        SampleConfigs.PROJECT,
                        Map.of("extra/config.yaml", configMap),
                        out,
                        ChartCheck.NONE)
                .chartDirectory();
        assertThat(chart.resolve("templates/extra/config.yaml")).hasBinaryContent(configMap);

        assertThatThrownBy(() -> ChartGenerator.generate(
                        SampleConfigs.visitCounter(),
                        SampleConfigs.PROJECT,
                        Map.of("statefulset.yaml", configMap),
                        out,
                        ChartCheck.NONE))
                .isInstanceOf(InvalidChartSpecException.class)
                .hasMessageContaining("<templatesDirectory> = 'statefulset.yaml'")
                .hasMessageContaining("rename your template");
        // NOTES.txt is assembled rather than copied, and just as much the chart's own.
        assertThatThrownBy(() -> ChartGenerator.generate(
                        SampleConfigs.visitCounter(),
                        SampleConfigs.PROJECT,
                        Map.of("NOTES.txt", configMap),
                        out,
                        ChartCheck.NONE))
                .isInstanceOf(InvalidChartSpecException.class)
                .hasMessageContaining("<templatesDirectory> = 'NOTES.txt'");
    }

    @Test
    void userTemplatesAreReadRecursively(@TempDir Path src) throws Exception {
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("a.yaml"), "a");
        Files.writeString(src.resolve("sub/b.tpl"), "b");
        assertThat(UserTemplates.read(src)).containsOnlyKeys("a.yaml", "sub/b.tpl");
        assertThat(UserTemplates.read(src.resolve("missing"))).isEmpty();
    }

    private static List<String> entries(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
