package io.statefulset.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
        Files.createDirectories(outputDirectory);
        Path target = outputDirectory.resolve(chart.archiveName());
        Path work = Files.createTempDirectory("statefulset-package-");
        Path temp = Files.createTempFile(outputDirectory, "." + chart.archiveName(), ".tmp");
        try {
            write(files(chartDirectory, helm, work), chart.name(), temp, timestamp);
            // A temporary file is created owner-only; the archive is for everyone to read.
            if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(
                        temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            ChartWriter.deleteRecursively(work);
        }
        return target;
    }

    /** One file of the package: where its bytes are read from and its '/'-separated name inside the chart. */
    record Entry(Path file, String name) {}

    /**
     * The files of the package, sorted by name: those Helm's archive of the chart holds. Each is read
     * from the chart directory when a file of that name is there, so that the author's bytes are kept
     * (Helm rewrites {@code Chart.yaml} in its own layout), and from Helm's archive otherwise (a
     * subchart Helm unpacked from {@code charts/*.tgz}).
     */
    static List<Entry> files(Path chartDirectory, ChartPackaging helm, Path work)
            throws IOException, ChartRejectedException {
        Path helmArchive = helm.helmPackage(chartDirectory, Files.createDirectory(work.resolve("helm")));
        Path unpacked = ChartArchive.extract(helmArchive, Files.createDirectory(work.resolve("unpacked")));
        List<Entry> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(unpacked)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = unpacked.relativize(file);
                List<String> parts = new ArrayList<>();
                relative.forEach(part -> parts.add(part.toString()));
                Path own = chartDirectory.resolve(String.join("/", parts));
                files.add(new Entry(Files.isRegularFile(own) ? own : file, String.join("/", parts)));
            }
        }
        files.sort(Comparator.comparing(Entry::name));
        return files;
    }

    private static void write(List<Entry> files, String name, Path target, Instant timestamp) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        // Names in UTF-8 whatever the platform's charset, with a PAX header for any that is not ASCII.
        try (OutputStream out = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(
                        new GzipCompressorOutputStream(out, gzip), StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Entry file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/" + file.name(), true);
                entry.setSize(Files.size(file.file()));
                entry.setMode(FILE_MODE);
                entry.setModTime(timestamp.toEpochMilli());
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                Files.copy(file.file(), tar);
                tar.closeArchiveEntry();
            }
        }
    }
}
