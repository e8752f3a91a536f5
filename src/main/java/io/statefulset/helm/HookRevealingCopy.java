package io.statefulset.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary copy of a chart directory in which every template spells the {@code helm.sh/hook}
 * annotation differently, so that Helm renders hooks as part of the manifest (see {@link
 * HelmRunner#template}). Templates of the chart and of its unpacked subcharts are rewritten; other
 * files are copied as they are.
 */
final class HookRevealingCopy {
    private HookRevealingCopy() {}

    static Path of(Path chart, String hiddenHook) throws IOException {
        Path root = Files.createTempDirectory("statefulset-render-");
        Path copy = root.resolve(chart.getFileName().toString());
        try (Stream<Path> walk = Files.walk(chart)) {
            for (Path source : walk.toList()) {
                Path target = copy.resolve(chart.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (isTemplate(chart.relativize(source))) {
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    Files.writeString(target, text.replace("helm.sh/hook", hiddenHook), StandardCharsets.UTF_8);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return copy;
    }

    /** As {@link #of}, for a packaged chart ({@code .tgz}). */
    static Path ofArchive(Path archive, String hiddenHook) throws IOException {
        Path unpacked = Files.createTempDirectory("statefulset-unpacked-");
        try {
            return of(io.statefulset.chart.ChartArchive.extract(archive, unpacked), hiddenHook);
        } finally {
            try (Stream<Path> walk = Files.walk(unpacked)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code templates/…} of the chart or of any subchart under {@code charts/}. */
    private static boolean isTemplate(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("templates")) {
                return true;
            }
        }
        return false;
    }

    static void delete(Path copy) {
        if (copy == null) {
            return;
        }
        Path root = copy.getParent();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary copy is harmless; the render result matters.
        }
    }
}
