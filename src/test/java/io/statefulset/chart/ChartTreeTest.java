package io.statefulset.chart;

import static io.statefulset.chart.SpecialFiles.PASSWD_LINE;
import static io.statefulset.chart.SpecialFiles.chart;
import static io.statefulset.chart.SpecialFiles.fifo;
import static io.statefulset.chart.SpecialFiles.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a chart directory may hold, decided before anything is opened, and how much of it is read. */
class ChartTreeTest {
    @TempDir
    Path dir;

    @Test
    void aLinkToDevZeroIsRefusedNamingTheLinkAndItsTarget() throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("files/z"), "/dev/zero");
        assertThatThrownBy(() -> ChartTree.of(chart))
                .isInstanceOf(RefusedInputException.class)
                .hasMessage("files/z is a link to /dev/zero, outside the chart " + chart
                        + "; charts may link only to files inside themselves");
    }

    @Test
    void aLinkToThePasswordFileIsRefusedWithoutReadingIt() throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("files/passwd"), "/etc/passwd");
        assertThatThrownBy(() -> ChartTree.of(chart))
                .hasMessageStartingWith("files/passwd is a link to /etc/passwd, outside the chart")
                .hasMessageNotContaining(PASSWD_LINE);
    }

    @Test
    void aRelativeLinkOutOfTheChartShowsWhereItLeads() throws Exception {
        Path chart = chart(dir, "demo");
        Files.writeString(dir.resolve("secret.txt"), "not for the chart");
        link(chart.resolve("files/secret.txt"), "../../secret.txt");
        assertThatThrownBy(() -> ChartTree.of(chart))
                .hasMessageStartingWith("files/secret.txt is a link to ../../secret.txt ("
                        + dir.toRealPath().resolve("secret.txt") + "), outside the chart");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path chart = chart(dir, "demo");
        Path pipe = fifo(chart.resolve("files/pipe"));
        try (SpecialFiles.FifoWriter writer = new SpecialFiles.FifoWriter(pipe)) {
            assertThatThrownBy(() -> ChartTree.of(chart))
                    .isInstanceOf(RefusedInputException.class)
                    .hasMessage("files/pipe in the chart " + chart + " is a FIFO (named pipe); a chart holds only"
                            + " regular files and directories, remove it");
        }
    }

    @Test
    void aLinkInsideTheChartToAFifoIsRefused() throws Exception {
        Path chart = chart(dir, "demo");
        // Walked after templates/, so the link is met before the FIFO itself.
        Path pipe = fifo(chart.resolve("z-data/pipe"));
        link(chart.resolve("templates/pipe.yaml"), "../z-data/pipe");
        try (SpecialFiles.FifoWriter writer = new SpecialFiles.FifoWriter(pipe)) {
            assertThatThrownBy(() -> ChartTree.of(chart))
                    .hasMessage("templates/pipe.yaml in the chart " + chart + " is a link to ../z-data/pipe ("
                            + pipe.toRealPath() + "), which is a FIFO (named pipe); a chart holds only regular files"
                            + " and directories, remove the link");
        }
    }

    @Test
    void aSocketIsRefused() throws Exception {
        Path chart = chart(dir, "demo");
        try (ServerSocketChannel socket = SpecialFiles.socket(chart.resolve("files/app.sock"))) {
            assertThatThrownBy(() -> ChartTree.of(chart))
                    .hasMessageStartingWith("files/app.sock in the chart " + chart + " is a socket;");
        }
    }

    @Test
    void linksInsideTheChartAreReadAsTheFilesAndDirectoriesTheyPointTo() throws Exception {
        Path chart = chart(dir, "demo");
        Files.createDirectories(chart.resolve("shared/nested"));
        Files.writeString(chart.resolve("shared/nested/extra.yaml"), "kind: Extra\n");
        link(chart.resolve("templates/also-configmap.yaml"), "configmap.yaml");
        link(chart.resolve("templates/shared"), "../shared");
        ChartTree tree = ChartTree.of(chart);
        Map<String, String> read = new TreeMap<>();
        for (ChartTree.Entry file : tree.files()) {
            read.put(file.name(), new String(tree.read(file), StandardCharsets.UTF_8));
        }
        assertThat(read)
                .containsOnlyKeys(
                        "Chart.yaml",
                        "values.yaml",
                        "templates/configmap.yaml",
                        "templates/also-configmap.yaml",
                        "shared/nested/extra.yaml",
                        "templates/shared/nested/extra.yaml")
                .containsEntry("templates/shared/nested/extra.yaml", "kind: Extra\n");
        assertThat(read.get("templates/also-configmap.yaml")).isEqualTo(read.get("templates/configmap.yaml"));
    }

    @Test
    void aLinkToADirectoryThatHoldsItIsRefused() throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("templates/loop"), "..");
        assertThatThrownBy(() -> ChartTree.of(chart))
                .hasMessage("templates/loop in the chart " + chart + " is a link to .., a directory that contains"
                        + " the link itself, so the chart would never end; remove the link");
    }

    @Test
    void aDanglingLinkIsRefused() throws Exception {
        Path chart = chart(dir, "demo");
        link(chart.resolve("templates/gone.yaml"), "removed.yaml");
        assertThatThrownBy(() -> ChartTree.of(chart))
                .hasMessage("templates/gone.yaml in the chart " + chart
                        + " is a link to removed.yaml, which does not exist; remove the link");
    }

    @Test
    void aFileAboveTheLimitIsRefusedFromItsSizeBeforeItIsRead() throws Exception {
        Path chart = chart(dir, "demo");
        try (RandomAccessFile sparse = new RandomAccessFile(
                Files.createDirectories(chart.resolve("files"))
                        .resolve("big.bin")
                        .toFile(),
                "rw")) {
            sparse.setLength(ChartLimits.MAX_FILE_BYTES + 1);
        }
        assertThatThrownBy(() -> ChartTree.of(chart))
                .hasMessageStartingWith("files/big.bin in the chart " + chart + " holds more than 16 MiB");
    }

    @Test
    void aFileThatGrowsAfterTheWalkIsStoppedWhileItIsRead() throws Exception {
        Path chart = chart(dir, "demo");
        Path grows = Files.writeString(
                Files.createDirectories(chart.resolve("files")).resolve("log.txt"), "x");
        ChartTree tree = ChartTree.of(chart);
        try (RandomAccessFile file = new RandomAccessFile(grows.toFile(), "rw")) {
            file.setLength(ChartLimits.MAX_FILE_BYTES + 1);
        }
        ChartTree.Entry entry = tree.files().stream()
                .filter(f -> f.name().equals("files/log.txt"))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> tree.read(entry))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith("files/log.txt in the chart " + chart + " holds more than 16 MiB");
    }

    @Test
    void theChartsTotalIsCountedInTheBytesRead() throws Exception {
        Path chart = chart(dir, "demo");
        Path files = Files.createDirectories(chart.resolve("files"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(files.resolve("part-" + i), "x");
        }
        ChartTree tree = ChartTree.of(chart);
        for (int i = 0; i < 5; i++) {
            try (RandomAccessFile file =
                    new RandomAccessFile(files.resolve("part-" + i).toFile(), "rw")) {
                file.setLength(ChartLimits.MAX_FILE_BYTES - 1);
            }
        }
        assertThatThrownBy(() -> {
                    for (ChartTree.Entry entry : tree.files()) {
                        tree.read(entry);
                    }
                })
                .hasMessage("the chart " + chart + " holds more than 64 MiB in all, the most read from one chart;"
                        + " a chart is far smaller (is a build output or data inside it?)");
    }

    @Test
    void aChartWithTooManyEntriesIsRefused() throws Exception {
        Path chart = chart(dir, "demo");
        Path files = Files.createDirectories(chart.resolve("files"));
        for (int i = 0; i < ChartLimits.MAX_ENTRIES; i++) {
            Files.createFile(files.resolve("f" + i));
        }
        assertThatThrownBy(() -> ChartTree.of(chart)).hasMessageContaining("has more than 10000 files");
    }

    @Test
    void chartYamlLinkedOutOfTheChartIsNotRead() throws Exception {
        Path chart = chart(dir, "demo");
        Files.delete(chart.resolve("Chart.yaml"));
        link(chart.resolve("Chart.yaml"), "/etc/passwd");
        assertThatThrownBy(() -> ChartMetadata.read(chart))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith("Chart.yaml is a link to /etc/passwd, outside the chart " + chart)
                .hasMessageNotContaining(PASSWD_LINE);
    }

    @Test
    void chartYamlThatIsNotUtf8IsNamedWithTheOffset() throws Exception {
        Path chart = chart(dir, "demo");
        Files.write(
                chart.resolve("Chart.yaml"),
                "apiVersion: v2\nname: caf\u00e9\nversion: 1.0.0\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ChartMetadata.read(chart))
                .hasMessage(chart.resolve("Chart.yaml") + " is not UTF-8 text: the byte 0xE9 at offset 24 does not"
                        + " belong to a UTF-8 character; save the file as UTF-8");
    }
}
