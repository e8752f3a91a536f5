package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.InvalidChartSpecException;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <configFiles>}: the files of a directory as one ConfigMap, rendered by real Helm and read
 * back with fabric8, byte for byte; the checksum that rolls the pods; what the values change.
 */
class ConfigFilesHelmTest {
    static final String NAME = "demo-visit-counter";

    /** Text that a template engine, a YAML emitter or a lossy decoder would change. */
    static final Map<String, byte[]> FILES = new LinkedHashMap<>();

    static {
        text("app.properties", "greeting=${GREETING:hello}\nrelease={{ .Release.Name }}\nurl=$(HOME)/x\n");
        text("template.tpl", "{{- define \"x\" -}}{{ .Values.secret | b64enc }}{{- end -}}\n%d %s %q\n");
        text("unicode.txt", "Grüße, 日本語, emoji 🎉, NBSP[\u00a0], NEL[\u0085], LS[\u2028], BOM[\ufeff]\n");
        text("windows.ini", "[section]\r\nkey = value \t \r\n\r\n");
        text("quotes.json", "{\"a\": \"b\\\"c\", \"path\": \"C:\\\\x\"}");
        text("control.txt", "bell\u0007 escape\u001b delete\u007f nul\u0000 end");
        text("no-newline", "last line without a newline");
        text("empty", "");
        text("blank-lines.yaml", "\n\n  indented: yes\n# comment\n\n");
        // Names the chart's .helmignore patterns (*.bak, *.orig, .gitignore, .DS_Store) would leave out of it.
        text("settings.bak", "kept\n");
        text("merge.orig", "kept\n");
        text(".gitignore", "kept\n");
        text(".DS_Store", "kept\n");
        FILES.put("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, '\n', (byte) 0xc3});
        FILES.put("latin1.txt", "Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void text(String name, String content) {
        FILES.put(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @TempDir
    static Path dir;

    static Path configDirectory;
    static Path chart;

    static Path write(Path directory, Map<String, byte[]> files) throws Exception {
        Files.createDirectories(directory);
        for (var file : files.entrySet()) {
            Files.write(directory.resolve(file.getKey()), file.getValue());
        }
        return directory;
    }

    static RawConfig config(Path directory) {
        return SampleConfigs.visitCounter().configFiles(directory, "/etc/app");
    }

    @BeforeAll
    static void generate() throws Exception {
        configDirectory = write(dir.resolve("config"), FILES);
        chart = RenderedChart.generate(config(configDirectory), dir.resolve("chart"));
    }

    static RenderedChart render(Path chart, Map<String, String> set) throws Exception {
        return RenderedChart.render(chart, "demo", set);
    }

    static PodTemplateSpec podTemplate(RenderedChart r) {
        return r.get(StatefulSet.class, NAME).getSpec().getTemplate();
    }

    static String checksum(Path chart, Map<String, String> set) throws Exception {
        return podTemplate(render(chart, set)).getMetadata().getAnnotations().get("checksum/config");
    }

    @Test
    void everyFileArrivesByteForByte() throws Exception {
        ConfigMap configMap = render(chart, Map.of()).get(ConfigMap.class, NAME + "-config");
        Map<String, byte[]> arrived = new LinkedHashMap<>();
        configMap.getData().forEach((key, value) -> arrived.put(key, value.getBytes(StandardCharsets.UTF_8)));
        configMap
                .getBinaryData()
                .forEach((key, value) -> arrived.put(key, Base64.getDecoder().decode(value)));
        assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(FILES.keySet());
        FILES.forEach((name, bytes) -> assertThat(arrived.get(name)).as(name).isEqualTo(bytes));
        assertThat(configMap.getBinaryData()).containsOnlyKeys("logo.png", "latin1.txt");
        assertThat(configMap.getData().get("app.properties")).contains("{{ .Release.Name }}", "${GREETING:hello}");
    }

    @Test
    void theChartHoldsTheFilesAsDataNotTemplates() throws Exception {
        assertThat(chart.resolve("files/config/app.properties.data")).hasBinaryContent(FILES.get("app.properties"));
        assertThat(chart.resolve("files/config/logo.png.binaryData")).hasBinaryContent(FILES.get("logo.png"));
        try (var templates = Files.walk(chart.resolve("templates"))) {
            assertThat(templates.map(p -> p.getFileName().toString())).doesNotContain("app.properties");
        }
    }

    @Test
    void theApplicationMountsTheConfigMapReadOnly() throws Exception {
        RenderedChart r = render(chart, Map.of());
        var pod = podTemplate(r).getSpec();
        Container app = pod.getContainers().get(0);
        assertThat(app.getVolumeMounts())
                .filteredOn(m -> m.getName().equals("config-files"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.getMountPath()).isEqualTo("/etc/app");
                    assertThat(m.getReadOnly()).isTrue();
                });
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals("config-files"))
                .singleElement()
                .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo(NAME + "-config"));
        assertThat(podTemplate(r).getMetadata().getAnnotations())
                .containsEntry("vault.hashicorp.com/agent-inject", "true")
                .containsKey("checksum/config");
    }

    @Test
    void aChangedFileRollsThePodsAndTheChartVersionOrThePomAloneDoNot(@TempDir Path other) throws Exception {
        String original = checksum(chart, Map.of());
        assertThat(original).matches("[0-9a-f]{64}");
        // Same files, another chart version, other settings: the same checksum.
        Path copy = write(other.resolve("same"), FILES);
        Path rebuilt = RenderedChart.generate(
                config(copy).chartVersion("2.0.0", "2.0.0").replicas(3), other.resolve("rebuilt"));
        assertThat(checksum(rebuilt, Map.of())).isEqualTo(original);
        assertThat(checksum(chart, Map.of("replicaCount", "4", "image.tag", "9.9.9")))
                .isEqualTo(original);
        // One byte more in one file: another checksum.
        Map<String, byte[]> changed = new LinkedHashMap<>(FILES);
        changed.put(
                "app.properties",
                "greeting=${GREETING:hello}\nrelease={{ .Release.Name }}\nurl=$(HOME)/y\n"
                        .getBytes(StandardCharsets.UTF_8));
        Path edited =
                RenderedChart.generate(config(write(other.resolve("edited"), changed)), other.resolve("edited-chart"));
        assertThat(checksum(edited, Map.of())).isNotEqualTo(original);
        // A renamed file too.
        Map<String, byte[]> renamed = new LinkedHashMap<>(FILES);
        renamed.put("app2.properties", renamed.remove("app.properties"));
        Path moved = RenderedChart.generate(
                config(write(other.resolve("renamed"), renamed)), other.resolve("renamed-chart"));
        assertThat(checksum(moved, Map.of())).isNotEqualTo(original);
    }

    @Test
    void valuesSwitchTheConfigMapOffOrMountAnExistingOne() throws Exception {
        RenderedChart off = render(chart, Map.of("configFiles.enabled", "false"));
        assertThat(off.names()).doesNotContain("ConfigMap/" + NAME + "-config");
        assertThat(podTemplate(off).getSpec().getVolumes())
                .extracting(Volume::getName)
                .doesNotContain("config-files");
        assertThat(podTemplate(off).getSpec().getContainers().get(0).getVolumeMounts())
                .extracting(VolumeMount::getName)
                .doesNotContain("config-files");
        assertThat(podTemplate(off).getMetadata().getAnnotations()).doesNotContainKey("checksum/config");

        RenderedChart existing = render(chart, Map.of("configFiles.existingConfigMap", "shared-settings"));
        assertThat(existing.names()).doesNotContain("ConfigMap/" + NAME + "-config");
        assertThat(podTemplate(existing).getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("config-files"))
                .singleElement()
                .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("shared-settings"));
        assertThat(podTemplate(existing).getMetadata().getAnnotations()).doesNotContainKey("checksum/config");
    }

    @Test
    void aChartWithoutConfigFilesCanMountAnExistingConfigMapAtInstallTime(@TempDir Path other) throws Exception {
        Path plain = RenderedChart.generate(SampleConfigs.visitCounter(), other);
        RenderedChart r = render(
                plain,
                Map.of(
                        "configFiles.enabled", "true",
                        "configFiles.existingConfigMap", "shared-settings",
                        "configFiles.mountPath", "/etc/shared"));
        assertThat(podTemplate(r).getSpec().getContainers().get(0).getVolumeMounts())
                .filteredOn(m -> m.getName().equals("config-files"))
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/etc/shared"));
        assertThat(render(plain, Map.of()).names()).noneMatch(n -> n.startsWith("ConfigMap/"));
    }

    @Test
    void theGeneratedChartValidatesWithoutFindings() throws Exception {
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()));
        assertThat(validator.validateChart(chart, "demo", List.of(), null).findings())
                .isEmpty();
    }

    @Test
    void installTimeChecks() {
        assertThatThrownBy(() -> render(chart, Map.of("configFiles.mountPath", "/app/data")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("configFiles.mountPath \"/app/data\" is already used by another volume");
        assertThatThrownBy(() -> render(chart, Map.of("configFiles.mountPath", "")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("configFiles.mountPath \"\" is not an absolute path");
        assertThatThrownBy(() -> render(chart, Map.of("configFiles.existingConfigMap", "Not_A_Name")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/configFiles/existingConfigMap");
    }

    @Test
    void pomMistakesNameTheDirectoryAndTheFile(@TempDir Path other) throws Exception {
        Path badName = write(other.resolve("bad-name"), Map.of("my settings.conf", new byte[] {'x'}));
        assertError(config(badName), "<configFiles><directory>", badName.toString(), "'my settings.conf'", "rename it");
        Path nested = write(other.resolve("nested"), Map.of("ok.conf", new byte[] {'x'}));
        write(nested.resolve("sub"), Map.of("inner.conf", new byte[] {'y'}));
        assertError(config(nested), "<configFiles><directory>", nested.toString(), "sub/inner.conf", "directly");
        Path large = write(other.resolve("large"), Map.of("a.bin", new byte[700_000], "b.bin", new byte[400_000]));
        assertError(config(large), "<configFiles><directory>", large.toString(), "1,100,000 bytes", "1 MiB");
        Path missing = other.resolve("missing");
        assertError(config(missing), "<configFiles><directory>", missing.toString(), "does not exist", "create it");
        Path linked = write(other.resolve("linked"), Map.of("ok.conf", new byte[] {'x'}));
        Files.createSymbolicLink(linked.resolve("passwd"), Path.of("/etc/passwd"));
        assertError(config(linked), "<configFiles><directory>", linked.toString(), "passwd is a link to", "outside");
        // A FIFO is refused without being opened: reading it would wait for a writer for ever.
        Path fifo = write(other.resolve("fifo"), Map.of("ok.conf", new byte[] {'x'}));
        io.statefulset.chart.SpecialFiles.fifo(fifo.resolve("pipe"));
        assertError(config(fifo), "<configFiles><directory>", fifo.toString(), "pipe", "FIFO");
        assertError(
                SampleConfigs.visitCounter().configFiles(configDirectory, null),
                "<configFiles><mountPath>",
                null,
                "is required",
                "e.g. /etc/app");
        assertError(
                SampleConfigs.visitCounter().configFiles(configDirectory, "etc/app"),
                "<configFiles><mountPath>",
                "etc/app",
                "absolute path",
                "/etc/app");
        assertError(
                SampleConfigs.visitCounter().configFiles(configDirectory, "/app/data"),
                "<configFiles><mountPath>",
                "/app/data",
                "already used by another volume (the claim data)",
                "own path");
        assertError(
                SampleConfigs.visitCounter()
                        .volumeClaimTemplates(
                                claim("config-files").mountPath("/app/data").size("1Mi")),
                "<volumeClaimTemplates><volumeClaimTemplate name=\"config-files\"><name>",
                "config-files",
                "a volume the chart adds itself",
                "choose another name");
        // An empty directory is no error, but says so.
        Path empty = Files.createDirectories(other.resolve("empty"));
        assertThat(SampleConfigs.problems(config(empty))).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.toString()).contains("<configFiles><directory>", "holds no files");
        });
        // The generator refuses such a configuration before writing anything.
        assertThatThrownBy(() -> RenderedChart.generate(config(badName), other.resolve("never")))
                .isInstanceOf(InvalidChartSpecException.class)
                .hasMessageContaining("<configFiles><directory>");
        assertThat(other.resolve("never")).doesNotExist();
    }

    private static void assertError(RawConfig config, String element, String value, String... phrases) {
        List<ConfigProblem> errors = SampleConfigs.problems(config).stream()
                .filter(ConfigProblem::isError)
                .toList();
        assertThat(errors).as(errors.toString()).singleElement().satisfies(e -> {
            assertThat(e.element()).isEqualTo(element);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.toString()).contains(phrases);
        });
    }
}
