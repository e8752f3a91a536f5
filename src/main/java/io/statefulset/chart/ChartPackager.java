package io.statefulset.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Packages a chart directory with the files {@code helm package} puts into its archive, under the
 * names Helm gives them ({@code <name>-<version>.tgz}, everything under {@code <name>/}), but
 * reproducibly: entries in sorted order, owner 0:0 without names, mode 0644, every timestamp the
 * given instant, and a gzip header without name or time. The same chart and instant always give
 * the same bytes; {@code helm package} would stamp the current time.
 */
public final class ChartPackager {
    private static final int FILE_MODE = 0100644;

    private ChartPackager() {}

    /**
     * Writes the archive into {@code outputDirectory} (atomically) and returns its path; {@code helm}
     * decides which files it holds.
     */
    public static Path pack(Path chartDirectory, Path outputDirectory, Instant timestamp, ChartPackaging helm)
            throws IOException, ChartRejectedException {
        ChartMetadata chart = ChartMetadata.read(chartDirectory);
        Path target = outputDirectory.resolve(chart.archiveName());
        // The chart is read by our own rules first: Helm would follow a link out of it.
        ChartTree tree = ChartTree.of(chartDirectory);
        List<Packed> files = files(tree, helm);
        AtomicWrite.file(target, out -> write(files, chart.name(), out, timestamp));
        return target;
    }

    /** One file of the package: its '/'-separated name inside the chart and its bytes. */
    record Packed(String name, byte[] content) {}

    /**
     * The files of the package, sorted by name: those Helm's archive of the chart holds. Each is read
     * from the chart directory when a file of that name is there, so that the author's bytes are kept
     * (Helm rewrites {@code Chart.yaml} in its own layout), and from Helm's archive otherwise (a
     * subchart Helm unpacked from {@code charts/*.tgz}). Both reads are bounded.
     */
    static List<Packed> files(ChartTree chart, ChartPackaging helm) throws IOException, ChartRejectedException {
        Map<String, ChartTree.Entry> own = new HashMap<>();
        for (ChartTree.Entry entry : chart.files()) {
            own.put(entry.name(), entry);
        }
        Path work = Files.createTempDirectory("statefulset-package-");
        try {
            Path helmArchive = helm.helmPackage(chart.root(), Files.createDirectory(work.resolve("helm")));
            Path unpacked = ChartArchive.extract(helmArchive, Files.createDirectory(work.resolve("unpacked")));
            ChartTree helmFiles =
                    ChartTree.of(unpacked, "Helm's package of " + chart.root().getFileName());
            List<Packed> files = new ArrayList<>();
            for (ChartTree.Entry file : helmFiles.files()) {
                ChartTree.Entry mine = own.get(file.name());
                files.add(new Packed(file.name(), mine != null ? chart.read(mine) : helmFiles.read(file)));
            }
            files.sort(Comparator.comparing(Packed::name));
            return files;
        } finally {
            AtomicWrite.deleteRecursively(work);
        }
    }

    private static void write(List<Packed> files, String name, OutputStream out, Instant timestamp) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        // Names in UTF-8 whatever the platform's charset, with a PAX header for any that is not ASCII.
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip), StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Packed file : files) {
                byte[] content = file.content();
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
