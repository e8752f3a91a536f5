package io.statefulset.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packages a chart directory as Helm does ({@code <name>-<version>.tgz}, every file under {@code
 * <name>/}, {@code .helmignore} honoured), but reproducibly: entries in sorted order, owner 0:0
 * without names, mode 0644, every timestamp the given instant, and a gzip header without name or
 * time. The same chart and instant always give the same bytes; {@code helm package} would stamp
 * the current time.
 */
public final class ChartPackager {
    private static final int FILE_MODE = 0100644;

    private ChartPackager() {}

    /** Writes the archive into {@code outputDirectory} (atomically) and returns its path. */
    public static Path pack(Path chartDirectory, Path outputDirectory, Instant timestamp) throws IOException {
        ChartMetadata chart = ChartMetadata.read(chartDirectory);
        Path target = outputDirectory.resolve(chart.archiveName());
        AtomicWrite.file(target, out -> write(chartDirectory, chart.name(), out, timestamp));
        return target;
    }

    /**
     * The files that go into the package, sorted by name: everything but what {@code .helmignore}
     * names and, as Helm's loader does, hidden files directly in {@code templates/}. Read through
     * {@link ChartTree}, so a link out of the chart, a device or a FIFO is refused, never packaged.
     */
    static List<ChartTree.Entry> files(ChartTree chart) throws IOException {
        HelmIgnore ignore = HelmIgnore.of(chart);
        List<ChartTree.Entry> files = new ArrayList<>();
        for (ChartTree.Entry file : chart.files()) {
            Path relative = Path.of(file.name());
            boolean hiddenTemplate = relative.getNameCount() == 2
                    && relative.getName(0).toString().equals("templates")
                    && relative.getFileName().toString().startsWith(".");
            if (!ignore.ignores(relative) && !hiddenTemplate) {
                files.add(file);
            }
        }
        return files;
    }

    private static void write(Path chartDirectory, String name, OutputStream out, Instant timestamp)
            throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        // Names in UTF-8 whatever the platform's charset, with a PAX header for any that is not ASCII.
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip), StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            ChartTree chart = ChartTree.of(chartDirectory);
            for (ChartTree.Entry file : files(chart)) {
                byte[] content = chart.read(file);
                TarArchiveEntry entry = new TarArchiveEntry(name + "/" + file.name(), true);
                entry.setSize(content.length);
                entry.setMode(FILE_MODE);
                entry.setModTime(timestamp.toEpochMilli());
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }
}
