package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads the templates a project adds to the chart (by default from {@code src/main/helm/templates}). */
public final class UserTemplates {
    private UserTemplates() {}

    /** Path relative to {@code directory} ('/'-separated) to content; empty if the directory does not exist. */
    public static SortedMap<String, byte[]> read(Path directory) throws IOException {
        SortedMap<String, byte[]> templates = new TreeMap<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return templates;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                templates.put(relative, Files.readAllBytes(file));
            }
        }
        return templates;
    }
}
