package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * Writes a chart directory atomically: the files go to a staging directory beside the target,
 * are checked there, and only then replace the previous chart. A failure at any step leaves the
 * previous chart as it was.
 */
public final class ChartWriter {
    private ChartWriter() {}

    public static void write(Path chartDirectory, SortedMap<String, byte[]> files, ChartCheck check)
            throws IOException, ChartRejectedException {
        Path parent = chartDirectory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = chartDirectory.getFileName().toString();
        Path staging = Files.createTempDirectory(parent, "." + name + ".staging-");
        try {
            // Staged under its own name: Helm expects a chart's directory to carry the chart's name.
            Path staged = staging.resolve(name);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = staged.resolve(file.getKey()).normalize();
                if (!target.startsWith(staged)) {
                    throw new IOException("refusing to write outside the chart directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            check.verify(staged);
            swap(staged, chartDirectory.toAbsolutePath(), staging.resolve("previous"));
        } finally {
            deleteRecursively(staging);
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
