package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.model.ChartModel;
import io.statefulset.chart.model.Maintainer;
import io.statefulset.chart.model.ProjectInfo;
import io.statefulset.chart.model.ValuesModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

class ChartFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/visit-counter");
    private static final Path GOLDEN_PRODUCTION = Path.of("src/test/resources/golden/production-features");

    private static SortedMap<String, byte[]> sampleFiles() {
        return ChartFiles.render(SampleConfigs.resolve(SampleConfigs.visitCounter()), Map.of());
    }

    /**
     * The sample chart, byte for byte. After an intended change to the chart, regenerate the golden
     * files with {@code mvn test -Dtest=ChartFilesTest -Dgolden.update=true} and review the diff.
     */
    @Test
    void sampleChartMatchesGoldenFiles() throws Exception {
        assertGolden(GOLDEN, sampleFiles());
    }

    /**
     * The sample with every production feature on (anti-affinity, init container, sidecar, config
     * files, NetworkPolicy, metrics), byte for byte; regenerated with the sample's by the same
     * command.
     */
    @Test
    void productionFeaturesChartMatchesGoldenFiles() throws Exception {
        assertGolden(
                GOLDEN_PRODUCTION,
                ChartFiles.render(SampleConfigs.resolve(SampleConfigs.withProductionFeatures()), Map.of()));
    }

    private static void assertGolden(Path golden, SortedMap<String, byte[]> files) throws Exception {
        if (Boolean.getBoolean("golden.update")) {
            AtomicWrite.deleteRecursively(golden);
            for (var file : files.entrySet()) {
                Path target = golden.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
        SortedMap<String, byte[]> expected = new TreeMap<>();
        try (var walk = Files.walk(golden)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                expected.put(golden.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        assertThat(files.keySet()).isEqualTo(expected.keySet());
        files.forEach((path, content) -> assertThat(new String(content, StandardCharsets.UTF_8))
                .as(path)
                .isEqualTo(new String(expected.get(path), StandardCharsets.UTF_8)));
        files.forEach((path, content) -> assertThat(content).as(path).isEqualTo(expected.get(path)));
    }

    @Test
    void sameConfigurationGivesTheSameBytesWhateverTheMapOrder() {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            env.put("VAR_" + (i * 7919 % 50), "v" + i);
        }
        RawConfig config = SampleConfigs.visitCounter().env(env);
        SortedMap<String, byte[]> first = ChartFiles.render(SampleConfigs.resolve(config), Map.of());
        config.env(new TreeMap<>(env).descendingMap());
        SortedMap<String, byte[]> second = ChartFiles.render(SampleConfigs.resolve(config), Map.of());
        assertThat(first.keySet()).isEqualTo(second.keySet());
        first.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(second.get(path)));
        first.forEach((path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain("\r"));
    }

    @Test
    void chartYamlCarriesMetadataAndSemVer() {
        ProjectInfo project = new ProjectInfo(
                "visit-counter",
                "1.0-SNAPSHOT",
                "Counts visits",
                "https://example.org",
                "https://example.org/scm",
                List.of(new Maintainer("Ada", "ada@example.org", null)));
        ChartModel model = ChartModel.resolve(SampleConfigs.minimal(), project).model();
        Map<String, Object> chart = new Yaml()
                .load(new String(ChartFiles.render(model, Map.of()).get("Chart.yaml"), StandardCharsets.UTF_8));
        assertThat(chart)
                .containsEntry("apiVersion", "v2")
                .containsEntry("name", "visit-counter")
                .containsEntry("version", "1.0.0-SNAPSHOT")
                .containsEntry("appVersion", "1.0-SNAPSHOT")
                .containsEntry("description", "Counts visits")
                .containsEntry("home", "https://example.org")
                .containsEntry("sources", List.of("https://example.org/scm"))
                .containsEntry("maintainers", List.of(Map.of("name", "Ada", "email", "ada@example.org")))
                .containsEntry("type", "application");
        assertThat(model.image().tag()).isEqualTo("1.0-SNAPSHOT");
    }

    @Test
    void valuesYamlIsTheValuesTreeWithACommentAboveEveryKey() throws Exception {
        ChartModel model = SampleConfigs.resolve(SampleConfigs.visitCounter());
        String values = new String(ChartFiles.render(model, Map.of()).get("values.yaml"), StandardCharsets.UTF_8);
        // Compared as JSON trees: YAML reads 10001 back as an Integer where the model holds a Long.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode written =
                json.readTree(json.writeValueAsString(new Yaml().load(values)));
        com.fasterxml.jackson.databind.JsonNode tree =
                json.readTree(json.writeValueAsString(ValuesModel.build(model).toValue()));
        assertThat(written).isEqualTo(tree);
        // Read back with comments: every described key of the values tree has its description above it.
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setProcessComments(true);
        Node root = new Yaml(options).compose(new java.io.StringReader(values));
        assertCommented((MappingNode) root, ValuesModel.build(model));
    }

    private static void assertCommented(MappingNode mapping, ValuesTree.Section section) {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            ValuesTree.Entry entry = section.entry(key);
            if (entry.description() != null) {
                assertThat(tuple.getKeyNode().getBlockComments())
                        .as("comment above %s", key)
                        .extracting(c -> c.getValue().trim())
                        .contains(entry.description());
            }
            if (entry instanceof ValuesTree.Section child) {
                assertCommented((MappingNode) tuple.getValueNode(), child);
            }
        }
    }

    @Test
    void aHookEventGivenByItsHelmTwoNameIsWrittenByItsHelmThreeName() {
        RawConfig config = SampleConfigs.visitCounter()
                .hooks(RawConfig.hook("smoke")
                        .events("test-success")
                        .image("busybox:1.36")
                        .command("true"));
        Map<String, Object> values =
                ValuesModel.build(SampleConfigs.resolve(config)).toValue();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> hooks = (Map<String, Map<String, Object>>) values.get("hooks");
        assertThat(hooks.get("smoke").get("events")).isEqualTo(List.of("test"));
    }

    @Test
    void userTemplatesAreAddedNextToTheBundledOnes() {
        ChartModel model = SampleConfigs.resolve(SampleConfigs.visitCounter());
        byte[] configMap = "kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8);
        SortedMap<String, byte[]> files = ChartFiles.render(model, Map.of("configmap.yaml", configMap));
        assertThat(files.get("templates/configmap.yaml")).isEqualTo(configMap);
        assertThat(files).containsKey("templates/statefulset.yaml");
    }

    @Test
    void readmeTableRowsKeepTheirFourCellsWhateverTheValues() {
        ChartModel model = SampleConfigs.resolve(
                SampleConfigs.visitCounter().env(Map.of("PIPE", "a|b", "MULTI", "one\ntwo", "TICK", "`x`")));
        String readme = new String(ChartFiles.render(model, Map.of()).get("README.md"), StandardCharsets.UTF_8);
        List<String> rows = readme.lines().filter(l -> l.startsWith("| `")).toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            assertThat(row.split("(?<!\\\\)\\|", -1)).as(row).hasSize(6);
        }
    }
}
