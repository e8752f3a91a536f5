package io.statefulset.chart;

import static io.statefulset.chart.SpecialFiles.chart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packaged charts (a previous release's {@code .tgz}) are unpacked within the limits counted in the
 * bytes written, sparse entries included, and a damaged archive is named with what is wrong.
 */
class ChartArchiveTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "tar --format={0}")
    @ValueSource(strings = {"gnu", "pax"})
    void aSparseEntryDeclaringAGibibyteHoleIsRefusedBeforeItFillsTheDisk(String format) throws Exception {
        Path chart = chart(dir.resolve("src"), "demo");
        run(
                "truncate",
                "-s",
                "1G",
                Files.createDirectories(chart.resolve("files")).resolve("hole").toString());
        Path archive = tar(dir.resolve("demo-" + format + ".tgz"), chart, "--sparse", "--format=" + format);
        assertThat(Files.size(archive)).as("a small archive").isLessThan(20_000);
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));

        assertThatThrownBy(() -> ChartArchive.extract(archive, unpacked))
                .isInstanceOf(RefusedInputException.class)
                .hasMessage(archive + " has the entry demo/files/hole of 1073741824 bytes (a sparse file), more than"
                        + " the 16 MiB a chart file may hold; this is not a chart archive");
        assertThat(bytesUnder(unpacked)).isLessThanOrEqualTo(ChartLimits.MAX_FILE_BYTES);
    }

    @Test
    void theTotalIsCountedInTheBytesWrittenAcrossSparseEntries() throws Exception {
        Path chart = chart(dir.resolve("src"), "demo");
        Path files = Files.createDirectories(chart.resolve("files"));
        for (int i = 0; i < 5; i++) {
            run("truncate", "-s", "15M", files.resolve("hole-" + i).toString());
        }
        Path archive = tar(dir.resolve("demo.tgz"), chart, "--sparse", "--format=pax");
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));

        assertThatThrownBy(() -> ChartArchive.extract(archive, unpacked))
                .hasMessageStartingWith(
                        archive + " unpacks to more than 64 MiB (reached in the entry demo/files/hole-");
        assertThat(bytesUnder(unpacked)).isLessThanOrEqualTo(ChartLimits.MAX_TOTAL_BYTES);
    }

    @Test
    void aTruncatedArchiveSaysSo() throws Exception {
        Path chart = chart(dir.resolve("src"), "demo");
        byte[] noise = new byte[40_000];
        new Random(7).nextBytes(noise);
        Files.write(Files.createDirectories(chart.resolve("files")).resolve("noise.bin"), noise);
        Path whole = tar(dir.resolve("whole.tgz"), chart);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("demo-1.0.0.tgz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ChartArchive.extract(truncated, Files.createDirectories(dir.resolve("unpacked"))))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith(truncated + " is truncated: it ends in or after the entry demo/files/noise.bin;"
                        + " package the chart again");
    }

    @Test
    void aFileThatIsNotGzipSaysSo() throws Exception {
        Path archive = Files.writeString(dir.resolve("demo-1.0.0.tgz"), "<html>Not Found</html>\n");
        assertThatThrownBy(() -> ChartArchive.extract(archive, Files.createDirectories(dir.resolve("unpacked"))))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith(archive + " is not gzip-compressed (")
                .hasMessageEndingWith("so it is not a packaged chart; a chart archive is a .tgz as statefulset:package"
                        + " and helm package write it");
    }

    @Test
    void aGzipThatHoldsNoTarArchiveSaysSo() throws Exception {
        Path archive = dir.resolve("demo-1.0.0.tgz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(archive))) {
            for (int i = 0; i < 200; i++) {
                out.write(("line " + i + " of a text file\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThatThrownBy(() -> ChartArchive.extract(archive, Files.createDirectories(dir.resolve("unpacked"))))
                .isInstanceOf(RefusedInputException.class)
                .hasMessageStartingWith(archive + " is damaged or holds no tar archive inside its gzip compression (");
    }

    @Test
    void aLinkEntryIsRefusedNamingItsTarget() throws Exception {
        Path archive = dir.resolve("demo-1.0.0.tgz");
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
            TarArchiveEntry link = new TarArchiveEntry("demo/files/passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        assertThatThrownBy(() -> ChartArchive.extract(archive, Files.createDirectories(dir.resolve("unpacked"))))
                .hasMessageStartingWith(archive + " has the entry demo/files/passwd, which is a symbolic link to"
                        + " /etc/passwd; a chart archive holds only files and directories");
    }

    @Test
    void anArchiveThatIsAFifoIsNotOpened() throws Exception {
        Path pipe = SpecialFiles.fifo(dir.resolve("demo-1.0.0.tgz"));
        try (SpecialFiles.FifoWriter writer = new SpecialFiles.FifoWriter(pipe)) {
            assertThatThrownBy(() -> ChartArchive.extract(pipe, Files.createDirectories(dir.resolve("unpacked"))))
                    .hasMessage(pipe + " is a FIFO (named pipe), not a chart archive; name a .tgz file");
        }
    }

    private static long bytesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** The chart directory packed by GNU tar, with {@code options} such as --sparse. */
    private static Path tar(Path archive, Path chart, String... options) throws Exception {
        assumeTrue(available("tar"), "GNU tar is not installed");
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(options));
        command.addAll(List.of(
                "-czf",
                archive.toString(),
                "-C",
                chart.getParent().toString(),
                chart.getFileName().toString()));
        run(command.toArray(String[]::new));
        return archive;
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }
}
