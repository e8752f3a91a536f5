package io.statefulset.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * This pod's visit count, kept in {@code <dataDir>/visits}. Every increment is on disk before it
 * is acknowledged: the new count goes to a temporary file that is fsynced and then renamed over
 * the old one, so a crash at any moment leaves either the old or the new count, never a torn
 * file, and never loses a visit that was answered.
 */
public final class VisitStore {
    static final String FILE_NAME = "visits";

    private final Path file;
    private final Path directory;
    private long count;

    private VisitStore(Path directory, long count) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.count = count;
    }

    /** Opens the store in {@code directory}, creating it with a count of 0 if there is none yet. */
    public static VisitStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        long count = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!text.matches("[0-9]{1,18}")) {
                // Refuse to start rather than silently reset someone's count to zero.
                throw new IOException(file + " does not hold a visit count: '" + text + "'");
            }
            count = Long.parseLong(text);
        }
        return new VisitStore(directory, count);
    }

    /** Counts one visit, durably, and returns the new count. */
    public synchronized long increment() throws IOException {
        long next = count + 1;
        write(next);
        count = next;
        return next;
    }

    public synchronized long count() {
        return count;
    }

    private void write(long value) throws IOException {
        Path temp = directory.resolve(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the data directory " + directory + " cannot rename atomically", e);
        }
        syncDirectory();
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, which is then fine to skip. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not supported on this platform (e.g. Windows); the rename is still atomic.
        }
    }
}
