package io.statefulset.helm;

import io.statefulset.chart.ChartArchive;
import io.statefulset.chart.ChartTree;
import io.statefulset.chart.Utf8Text;
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
    private static final String HOOK = "helm.sh/hook";

    private HookRevealingCopy() {}

    /**
     * The copy is read through {@link ChartTree}: a link that leaves the chart, a device or a FIFO
     * is refused, and a link inside the chart is copied as the file it points to, as Helm reads it.
     */
    static Path of(Path chart, String hiddenHook) throws IOException {
        ChartTree tree = ChartTree.of(chart);
        Path root = Files.createTempDirectory("statefulset-render-");
        Path copy = root.resolve(chart.getFileName().toString());
        try {
            Files.createDirectories(copy);
            for (ChartTree.Entry file : tree.files()) {
                Path target = copy.resolve(file.name());
                Files.createDirectories(target.getParent());
                byte[] content = tree.read(file);
                Files.write(target, isTemplate(Path.of(file.name())) ? hideHooks(content, hiddenHook) : content);
            }
        } catch (IOException | RuntimeException e) {
            delete(copy);
            throw e;
        }
        return copy;
    }

    /**
     * The annotation replaced in the bytes: it is ASCII, so this is the replacement in the text for
     * UTF-8, and Helm, not the copy, judges a template that is not UTF-8.
     */
    private static byte[] hideHooks(byte[] content, String hiddenHook) {
        return new String(content, StandardCharsets.ISO_8859_1)
                .replace(HOOK, hiddenHook)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** As {@link #of}, for a packaged chart ({@code .tgz}). */
    static Path ofArchive(Path archive, String hiddenHook) throws IOException {
        Path unpacked = Files.createTempDirectory("statefulset-unpacked-");
        try {
            return of(ChartArchive.extract(archive, unpacked), hiddenHook);
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
                    target, Utf8Text.readValuesFile(files.get(i)).replace(HOOK, hiddenHook), StandardCharsets.UTF_8);
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
