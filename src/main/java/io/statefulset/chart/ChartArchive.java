package io.statefulset.chart;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads packaged charts ({@code <name>-<version>.tgz}, entries under {@code <name>/}). */
public final class ChartArchive {
    private static final String REPACK =
            "package the chart again (statefulset:package or helm package) or fetch it again";

    private ChartArchive() {}

    /**
     * Unpacks {@code archive} into {@code directory} and returns the chart directory inside it. Only
     * files and directories are unpacked, all below {@code directory}, within {@link ChartLimits}
     * counted in the bytes written: a sparse entry (GNU or PAX) is expanded while it is read, so a
     * small archive declaring a large hole is refused when the hole is, not after it filled the
     * disk. A damaged archive is named with what is wrong with it.
     */
    public static Path extract(Path archive, Path directory) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(archive, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new RefusedInputException(
                    archive + " is " + FileKind.of(archive) + ", not a chart archive; name a .tgz file");
        }
        Path root = null;
        long total = 0;
        int entries = 0;
        try (InputStream file = Files.newInputStream(archive);
                Reader tar = new Reader(archive, file)) {
            TarArchiveEntry entry;
            while ((entry = tar.next()) != null) {
                if (++entries > ChartLimits.MAX_ENTRIES) {
                    throw new RefusedInputException(archive + " has more than " + ChartLimits.MAX_ENTRIES
                            + " entries; a chart is far smaller, so this is not a chart archive");
                }
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new RefusedInputException(archive + " has the entry " + entry.getName()
                            + ", which lies outside the chart; " + REPACK);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                if (!isPlainFile(entry)) {
                    throw new RefusedInputException(archive + " has the entry " + entry.getName() + ", which is "
                            + kind(entry) + "; a chart archive holds only files and directories, " + REPACK);
                }
                // The size a (sparse) entry declares refuses it early; the bytes written decide.
                if (entry.getRealSize() > ChartLimits.MAX_FILE_BYTES) {
                    throw fileTooLarge(archive, entry);
                }
                Files.createDirectories(target.getParent());
                total += copy(tar, target, archive, entry, ChartLimits.MAX_TOTAL_BYTES - total);
                Path top = directory.relativize(target).getName(0);
                root = root == null ? top : root;
            }
        }
        if (root == null || !Files.isRegularFile(directory.resolve(root).resolve("Chart.yaml"))) {
            throw new RefusedInputException(archive + " holds no chart (no <name>/Chart.yaml); " + REPACK);
        }
        return directory.resolve(root);
    }

    /**
     * The archive's entries and their bytes, with every failure to read them said in words: not
     * gzip, truncated, not a tar archive. Failures to write the unpacked files stay I/O errors.
     */
    private static final class Reader implements AutoCloseable {
        private final Path archive;
        private final TarArchiveInputStream tar;
        private String current;

        Reader(Path archive, InputStream file) throws IOException {
            this.archive = archive;
            InputStream gzip;
            try {
                // The JDK's reader: commons-compress refuses the extra field of the gzip header Helm writes.
                gzip = new GZIPInputStream(file);
            } catch (IOException e) {
                throw new RefusedInputException(
                        archive + " is not gzip-compressed (" + e.getMessage() + "), so it is not a packaged chart;"
                                + " a chart archive is a .tgz as statefulset:package and helm package write it",
                        e);
            }
            this.tar = new TarArchiveInputStream(gzip);
        }

        TarArchiveEntry next() throws IOException {
            try {
                TarArchiveEntry entry = tar.getNextEntry();
                current = entry == null ? current : entry.getName();
                return entry;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        int read(byte[] buffer) throws IOException {
            try {
                return tar.read(buffer);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        private RefusedInputException unreadable(IOException e) {
            if (e instanceof EOFException) {
                return new RefusedInputException(
                        archive + " is truncated: it ends "
                                + (current == null ? "before its first entry" : "in or after the entry " + current)
                                + "; " + REPACK,
                        e);
            }
            return new RefusedInputException(
                    archive + " is damaged or holds no tar archive inside its gzip compression (" + e.getMessage()
                            + (current == null ? "" : ", after the entry " + current) + "); " + REPACK,
                    e);
        }

        @Override
        public void close() throws IOException {
            tar.close();
        }
    }

    /** Copies the current entry, counting what arrives; returns its size. */
    private static long copy(Reader tar, Path target, Path archive, TarArchiveEntry entry, long totalLeft)
            throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            int read;
            while ((read = tar.read(buffer)) != -1) {
                written += read;
                if (written > ChartLimits.MAX_FILE_BYTES) {
                    throw fileTooLarge(archive, entry);
                }
                if (written > totalLeft) {
                    throw new RefusedInputException(archive + " unpacks to more than "
                            + ChartLimits.size(ChartLimits.MAX_TOTAL_BYTES) + " (reached in the entry "
                            + entry.getName() + "), the most read from one chart; a chart is far smaller, so"
                            + " this is not a chart archive");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    private static RefusedInputException fileTooLarge(Path archive, TarArchiveEntry entry) {
        return new RefusedInputException(archive + " has the entry " + entry.getName() + " of "
                + entry.getRealSize() + " bytes" + (entry.isSparse() ? " (a sparse file)" : "")
                + ", more than the " + ChartLimits.size(ChartLimits.MAX_FILE_BYTES)
                + " a chart file may hold; this is not a chart archive");
    }

    /** commons-compress calls every entry a file that is no directory, links and devices included. */
    private static boolean isPlainFile(TarArchiveEntry entry) {
        return entry.isFile()
                && !entry.isSymbolicLink()
                && !entry.isLink()
                && !entry.isCharacterDevice()
                && !entry.isBlockDevice()
                && !entry.isFIFO();
    }

    private static String kind(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "a symbolic link to " + entry.getLinkName();
        }
        if (entry.isLink()) {
            return "a hard link to " + entry.getLinkName();
        }
        if (entry.isCharacterDevice()) {
            return "a character device";
        }
        if (entry.isBlockDevice()) {
            return "a block device";
        }
        if (entry.isFIFO()) {
            return "a FIFO (named pipe)";
        }
        return "neither a file nor a directory";
    }
}
