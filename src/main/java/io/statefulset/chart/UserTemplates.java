package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads the templates a project adds to the chart (by default from {@code src/main/helm/templates}). */
public final class UserTemplates {
    private UserTemplates() {}

    /**
     * Path relative to {@code directory} ('/'-separated) to content; empty if the directory does not
     * exist. Read through {@link ChartTree}: the templates become part of the chart, so they follow
     * its rules (no links out of the directory, no devices or FIFOs, bounded sizes).
     */
    public static SortedMap<String, byte[]> read(Path directory) throws IOException {
        SortedMap<String, byte[]> templates = new TreeMap<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return templates;
        }
        ChartTree tree = ChartTree.of(directory, "the templates directory");
        for (ChartTree.Entry file : tree.files()) {
            templates.put(file.name(), tree.read(file));
        }
        return templates;
    }
}
