package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes a chart directory atomically ({@link AtomicWrite#directory}): the files go to a staging
 * directory beside the target, are checked there, and only then replace the previous chart. A
 * failure at any step leaves the previous chart as it was.
 */
public final class ChartWriter {
    private ChartWriter() {}

    public static void write(Path chartDirectory, SortedMap<String, byte[]> files, ChartCheck check)
            throws IOException, ChartRejectedException {
        AtomicWrite.<ChartRejectedException>directory(chartDirectory, staged -> {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = staged.resolve(file.getKey()).normalize();
                if (!target.startsWith(staged)) {
                    throw new IOException("refusing to write outside the chart directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            check.verify(staged);
        });
    }
}
