package io.statefulset.helm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Copies of values files with the hook annotation spelled the hidden way too: a chart may take
     * a hook's annotations from its values.
     */
    static List<Path> valuesFiles(Path copy, List<Path> files, String hiddenHook) throws IOException {
        List<Path> rewritten = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path target = copy.getParent().resolve("values-" + i + ".yaml");
            Files.writeString(
                    target,
                    Files.readString(files.get(i), StandardCharsets.UTF_8).replace("helm.sh/hook", hiddenHook),
                    StandardCharsets.UTF_8);
            rewritten.add(target);
        }
        return rewritten;
    }

    /** {@code templates/…} and {@code values.yaml} of the chart or of any subchart under {@code charts/}. */
    private static boolean isTemplate(Path relative) {
        if (relative.getFileName() != null && relative.getFileName().toString().equals("values.yaml")) {
            return true;
        }
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
