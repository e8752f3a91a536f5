package io.statefulset.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of a chart directory (or of another directory of chart input, such as the templates a
 * project adds), read only as far as they belong to it.
 *
 * <p>Helm follows symbolic links when it loads a chart directory, and so does this tree, but only
 * links that resolve inside the root: such a link is read as the file or directory it points to. A
 * link that leads out of the root is refused, because whatever it points to would end up in renders,
 * logs, reports and packages ({@code files/passwd -> /etc/passwd}) or would never end ({@code
 * files/z -> /dev/zero}). Devices, FIFOs and sockets are refused wherever they are; what a path is
 * gets decided from attributes read without following links, and from the link's real target,
 * before anything is opened, so a FIFO never blocks the build. Sizes are checked from the
 * attributes and again while reading, against {@link ChartLimits}.
 *
 * <p>An instance counts the bytes read through it against the chart's total: use one per pass, from
 * one thread.
 */
public final class ChartTree {
    private static final String LINK_RULE = "charts may link only to files inside themselves";
    private static final String SIZE_ADVICE = "a chart file is far smaller; keep build outputs and data out of charts";

    /** A regular file of the tree: its '/'-separated name below the root, and the real file to read. */
    public record Entry(String name, Path source) {}

    private final Path root;
    private final Path realRoot;
    private final String description;
    private final List<Entry> files = new ArrayList<>();
    private int entries;
    private long declaredBytes;
    private long bytesRead;

    private ChartTree(Path root, Path realRoot, String description) {
        this.root = root;
        this.realRoot = realRoot;
        this.description = description;
    }

    /** Walks the chart directory {@code root}; refuses it if anything in it leaves it or is not a file. */
    public static ChartTree of(Path root) throws IOException {
        return of(root, "the chart");
    }

    /**
     * As {@link #of(Path)}, for a directory that messages call {@code description} (e.g. "the
     * templates directory").
     */
    public static ChartTree of(Path root, String description) throws IOException {
        ChartTree tree = new ChartTree(root, realDirectory(root, description), description);
        Set<Path> ancestors = new HashSet<>();
        ancestors.add(tree.realRoot);
        tree.walk(tree.realRoot, "", ancestors);
        tree.files.sort(java.util.Comparator.comparing(Entry::name));
        return tree;
    }

    /**
     * The content of the file {@code name} directly in the chart directory {@code root} (e.g. {@code
     * Chart.yaml}), under the same rules, without walking the rest; empty when nothing is there.
     */
    public static Optional<byte[]> readFile(Path root, String name) throws IOException {
        if (name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("not a file name: " + name);
        }
        ChartTree tree = new ChartTree(root, realDirectory(root, "the chart"), "the chart");
        Path path = tree.realRoot.resolve(name);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Target target = tree.resolve(path, name);
        if (!target.attributes().isRegularFile()) {
            throw new RefusedInputException(name + " in " + tree.where() + " is a directory, not a file");
        }
        return Optional.of(tree.read(new Entry(name, target.real())));
    }

    public Path root() {
        return root;
    }

    /** Every regular file, sorted by name. */
    public List<Entry> files() {
        return Collections.unmodifiableList(files);
    }

    /** The content of {@code entry}, read within the per-file limit and the chart's total. */
    public byte[] read(Entry entry) throws IOException {
        // Checked again right before opening: never open what is not (or no longer) a regular file.
        BasicFileAttributes attributes =
                Files.readAttributes(entry.source(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new RefusedInputException(entry.name() + " in " + where() + " is now " + FileKind.of(entry.source())
                    + "; it changed while the chart was read, read it again");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(entry.source(), LinkOption.NOFOLLOW_LINKS)) {
            content = BoundedRead.stream(in, ChartLimits.MAX_FILE_BYTES, entry.name() + " in " + where(), SIZE_ADVICE);
        }
        bytesRead += content.length;
        if (bytesRead > ChartLimits.MAX_TOTAL_BYTES) {
            throw totalTooLarge();
        }
        return content;
    }

    private void walk(Path realDirectory, String prefix, Set<Path> ancestors) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(realDirectory)) {
            for (Path child : stream) {
                if (++entries > ChartLimits.MAX_ENTRIES) {
                    throw new RefusedInputException(where() + " has more than " + ChartLimits.MAX_ENTRIES
                            + " files, directories and links; a chart is far smaller (is a build output or a"
                            + " dependency cache inside it?)");
                }
                children.add(child);
            }
        }
        children.sort(null);
        for (Path child : children) {
            String name = prefix + child.getFileName();
            Target target = resolve(child, name);
            if (target.attributes().isDirectory()) {
                if (ancestors.contains(target.real())) {
                    throw new RefusedInputException(name + " in " + where() + " is a link to "
                            + Files.readSymbolicLink(child) + ", a directory that contains the link itself, so"
                            + " the chart would never end; remove the link");
                }
                ancestors.add(target.real());
                walk(target.real(), name + "/", ancestors);
                ancestors.remove(target.real());
            } else {
                declaredBytes += target.attributes().size();
                if (target.attributes().size() > ChartLimits.MAX_FILE_BYTES) {
                    throw BoundedRead.tooLarge(name + " in " + where(), ChartLimits.MAX_FILE_BYTES, SIZE_ADVICE);
                }
                if (declaredBytes > ChartLimits.MAX_TOTAL_BYTES) {
                    throw totalTooLarge();
                }
                files.add(new Entry(name, target.real()));
            }
        }
    }

    private record Target(Path real, BasicFileAttributes attributes) {}

    /**
     * What {@code path} (found as {@code name} in the tree) really is: a regular file or a directory
     * inside the root, a link to one of them, or refused.
     */
    private Target resolve(Path path, String name) throws IOException {
        BasicFileAttributes attributes =
                Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isSymbolicLink()) {
            if (!attributes.isRegularFile() && !attributes.isDirectory()) {
                throw new RefusedInputException(name + " in " + where() + " is " + FileKind.of(path)
                        + "; a chart holds only regular files and directories, remove it");
            }
            return new Target(path, attributes);
        }
        Path link = Files.readSymbolicLink(path);
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RefusedInputException(
                    name + " in " + where() + " is a link to " + link + ", which does not exist; remove the link");
        } catch (FileSystemException e) {
            throw new RefusedInputException(name + " in " + where() + " is a link to " + link
                    + ", which cannot be followed (" + e.getReason() + "); remove the link");
        }
        String shown = link + (link.equals(real) ? "" : " (" + real + ")");
        if (!real.startsWith(realRoot)) {
            throw new RefusedInputException(
                    name + " is a link to " + shown + ", outside " + where() + "; " + LINK_RULE);
        }
        BasicFileAttributes targetAttributes =
                Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!targetAttributes.isRegularFile() && !targetAttributes.isDirectory()) {
            throw new RefusedInputException(name + " in " + where() + " is a link to " + shown + ", which is "
                    + FileKind.of(real) + "; a chart holds only regular files and directories, remove the link");
        }
        return new Target(real, targetAttributes);
    }

    private static Path realDirectory(Path root, String description) throws IOException {
        Path real = root.toRealPath();
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedInputException(
                    description + " " + root + " is " + FileKind.of(real) + ", not a directory");
        }
        return real;
    }

    private RefusedInputException totalTooLarge() {
        return new RefusedInputException(where() + " holds more than " + ChartLimits.size(ChartLimits.MAX_TOTAL_BYTES)
                + " in all, the most read from one chart; a chart is far smaller (is a build output or data"
                + " inside it?)");
    }

    private String where() {
        return description + " " + root;
    }
}
