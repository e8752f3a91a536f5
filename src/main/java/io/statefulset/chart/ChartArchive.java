package io.statefulset.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads packaged charts ({@code <name>-<version>.tgz}, entries under {@code <name>/}). */
public final class ChartArchive {
    /** Charts are small; an archive above these limits is refused rather than filling the disk. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    static final int MAX_ENTRIES = 10_000;

    private ChartArchive() {}

    /** Unpacks {@code archive} into {@code directory} and returns the chart directory inside it. */
    public static Path extract(Path archive, Path directory) throws IOException {
        Path root = null;
        long total = 0;
        int entries = 0;
        try (InputStream file = Files.newInputStream(archive);
                // The JDK's reader: commons-compress refuses the extra field of the gzip header Helm writes.
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException(archive + " has more than " + MAX_ENTRIES + " entries; it is not a chart");
                }
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory) || entry.isSymbolicLink() || entry.isLink()) {
                    throw new IOException(archive + " has an entry outside the chart or a link: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                total += entry.getSize();
                if (total > MAX_BYTES) {
                    throw new IOException(archive + " unpacks to more than " + MAX_BYTES + " bytes; it is not a chart");
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                Path top = directory.relativize(target).getName(0);
                root = root == null ? top : root;
            }
        }
        if (root == null || !Files.isRegularFile(directory.resolve(root).resolve("Chart.yaml"))) {
            throw new IOException(archive + " holds no chart (no <name>/Chart.yaml)");
        }
        return directory.resolve(root);
    }
}
