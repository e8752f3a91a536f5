package io.statefulset.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every output of the plugin (charts, packages, rendered manifests, reports, up-to-date records) is
 * written here: into a temporary file or directory beside the target, then moved over it, so a
 * failed or killed run leaves the previous output whole. Files get the mode the process umask gives
 * a new file (usually {@code rw-r--r--}), not the owner-only mode of {@link
 * Files#createTempFile}.
 *
 * <p>Temporaries a killed run left behind ({@code .<name>.<random>.tmp}, {@code
 * .<name>.staging-<random>}) are removed by the next write of the same target. That is safe because
 * nothing else writes that target at the same time: the goals of one module run one after another
 * (a parallel build runs different modules, each with its own output directory), so a temporary
 * of this target that exists when a write starts belongs to a run that is over.
 */
public final class AtomicWrite {
    /** Writes the content of a file being replaced. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Fills a staged directory; may refuse it by throwing {@code E}. */
    @FunctionalInterface
    public interface Stage<E extends Exception> {
        void fill(Path staged) throws IOException, E;
    }

    private static final String TEMPORARY = ".tmp";
    private static final String STAGING = ".staging-";
    private static final String PREVIOUS = "previous";

    private AtomicWrite() {}

    /** Replaces {@code target} with {@code text} in UTF-8. */
    public static void text(Path target, String text) throws IOException {
        bytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code content}. */
    public static void bytes(Path target, byte[] content) throws IOException {
        file(target, out -> out.write(content));
    }

    /** Replaces {@code target} with what {@code content} writes; on failure the previous file stays. */
    public static void file(Path target, Content content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        removeLeftovers(parent, name);
        Path temp = newTemporary(parent, name);
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Replaces the directory {@code target} with one that {@code stage} fills: it is built in
     * {@code .<name>.staging-<random>/<name>} beside the target (under the target's own name, which
     * Helm expects of a chart directory) and swapped in only when {@code stage} returns. A failure at
     * any step leaves the previous directory as it was.
     */
    public static <E extends Exception> void directory(Path target, Stage<E> stage) throws IOException, E {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        recoverStaging(parent, name, absolute);
        Path staging = Files.createTempDirectory(parent, "." + name + STAGING);
        try {
            Path staged = staging.resolve(name);
            Files.createDirectories(staged);
            stage.fill(staged);
            swap(staged, absolute, staging.resolve(PREVIOUS));
        } finally {
            deleteRecursively(staging);
        }
    }

    /**
     * Removes the staging directories of {@code name} that killed runs left. A run killed between
     * the two moves of its swap left the previous directory in its staging directory and none at
     * the target: that one is put back first, so the previous output survives this run failing too.
     */
    private static void recoverStaging(Path parent, String name, Path target) throws IOException {
        String prefix = "." + name + STAGING;
        try (DirectoryStream<Path> stale =
                Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path staging : stale) {
                Path previous = staging.resolve(PREVIOUS);
                if (!Files.exists(target) && Files.isDirectory(previous)) {
                    move(previous, target);
                }
                deleteRecursively(staging);
            }
        }
    }

    /** Removes {@code .<name>.<random>.tmp}, the temporaries of this target only. */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        Pattern temporary = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9a-z]+" + Pattern.quote(TEMPORARY));
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(
                parent, p -> temporary.matcher(p.getFileName().toString()).matches())) {
            for (Path leftover : stale) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** A new, empty file beside the target, created with the mode the umask gives new files. */
    private static Path newTemporary(Path parent, String name) throws IOException {
        while (true) {
            Path temp = parent.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMPORARY);
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // drawn twice; draw again
            }
        }
    }

    private static void swap(Path staged, Path target, Path previous) throws IOException {
        boolean hadPrevious = Files.exists(target);
        if (hadPrevious) {
            move(target, previous);
        }
        try {
            move(staged, target);
        } catch (IOException e) {
            if (hadPrevious) {
                move(previous, target);
            }
            throw e;
        }
    }

    private static void move(Path from, Path to, StandardCopyOption... options) throws IOException {
        StandardCopyOption[] atomic = java.util.Arrays.copyOf(options, options.length + 1);
        atomic[options.length] = StandardCopyOption.ATOMIC_MOVE;
        try {
            Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, options);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // Files.walk does not follow links: a link inside is deleted, never what it points to.
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
