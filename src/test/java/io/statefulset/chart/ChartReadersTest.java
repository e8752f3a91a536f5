package io.statefulset.chart;

import static io.statefulset.chart.SpecialFiles.PASSWD_LINE;
import static io.statefulset.chart.SpecialFiles.chart;
import static io.statefulset.chart.SpecialFiles.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader of chart input outside Helm (packaging, up-to-date fingerprints, the project's own
 * templates) reads it as {@link ChartTree} does: a link out of the chart, a FIFO or a socket is
 * refused and named, never read, never skipped in silence.
 */
class ChartReadersTest {
    @TempDir
    Path dir;

    @FunctionalInterface
    interface Reader {
        void read(Path chart, Path scratch) throws Exception;
    }

    static Stream<Arguments> readers() {
        Reader pack = (chart, scratch) ->
                ChartPackager.pack(chart, scratch, Instant.EPOCH, io.statefulset.helm.TestHelm.PACKAGING);
        Reader fingerprint = (chart, scratch) -> Fingerprint.start().addTree("chart", chart);
        Reader templates = (chart, scratch) -> UserTemplates.read(chart.resolve("templates"));
        return Stream.of(
                Arguments.of("package", pack, ""),
                Arguments.of("fingerprint", fingerprint, ""),
                Arguments.of("templates directory", templates, "templates/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aLinkToThePasswordFileIsRefusedNotRead(String reader, Reader read, String prefix) throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("templates/passwd.yaml"), "/etc/passwd");
        assertThatThrownBy(() -> read.read(chart, dir))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith(prefix.isEmpty() ? "templates/passwd.yaml" : "passwd.yaml")
                .hasMessageContaining("is a link to /etc/passwd, outside the")
                .hasMessageNotContaining(PASSWD_LINE);
        assertThat(dir.resolve("demo-1.0.0.tgz")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aLinkToDevZeroIsRefusedNotRead(String reader, Reader read, String prefix) throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("templates/zero.yaml"), "/dev/zero");
        assertThatThrownBy(() -> read.read(chart, dir)).hasMessageContaining("is a link to /dev/zero, outside the");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void aFifoIsRefusedNotSkipped(String reader, Reader read, String prefix) throws Exception {
        Path chart = chart(dir, "demo");
        Path pipe = SpecialFiles.fifo(chart.resolve("templates/pipe.yaml"));
        try (SpecialFiles.FifoWriter writer = new SpecialFiles.FifoWriter(pipe)) {
            assertThatThrownBy(() -> read.read(chart, dir)).hasMessageContaining("is a FIFO (named pipe)");
        }
    }

    @Test
    void theProjectsTemplatesFollowLinksInsideTheirDirectory() throws Exception {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates.resolve("shared"));
        Files.writeString(templates.resolve("shared/config.yaml"), "kind: ConfigMap\n");
        link(templates.resolve("more"), "shared");
        assertThat(UserTemplates.read(templates)).containsOnlyKeys("shared/config.yaml", "more/config.yaml");
    }

    @Test
    void packagingReadsALinkInsideTheChartAsItsTarget() throws Exception {
        Path chart = chart(dir, "demo");
        Files.createDirectories(chart.resolve("files/certs"));
        Files.writeString(chart.resolve("files/certs/ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        link(chart.resolve("files/ca"), "certs");
        List<String> names = new ArrayList<>();
        try (var in = Files.newInputStream(
                        ChartPackager.pack(chart, dir, Instant.EPOCH, io.statefulset.helm.TestHelm.PACKAGING));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                names.add(entry.getName());
                assertThat(entry.isSymbolicLink()).isFalse();
                if (entry.getName().equals("demo/files/ca/ca.pem")) {
                    assertThat(new String(tar.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("-----BEGIN CERTIFICATE-----\n");
                }
            }
        }
        assertThat(names).contains("demo/files/certs/ca.pem", "demo/files/ca/ca.pem");
    }

    @Test
    void aHelmignoreLinkedOutOfTheChartIsRefused() throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve(".helmignore"), "/etc/passwd");
        assertThatThrownBy(() -> ChartPackager.pack(chart, dir, Instant.EPOCH, io.statefulset.helm.TestHelm.PACKAGING))
                .hasMessageStartingWith(".helmignore is a link to /etc/passwd, outside the chart " + chart);
    }
}
