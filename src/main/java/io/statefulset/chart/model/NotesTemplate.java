package io.statefulset.chart.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The chart's {@code templates/NOTES.txt}: what the release runs as, how to reach it, and the next
 * step of its strategy. The strategies own their branches of the next step ({@code notes/<name>.txt}
 * beside this class); the strategies that roll as {@code updateStrategy} says share the last one.
 */
public final class NotesTemplate {
    /** The strategies with a branch of their own, in the order NOTES.txt tests for them. */
    private static final List<String> OWN_BRANCHES = List.of(Canary.NAME, BlueGreen.NAME, Recreate.NAME);

    private static final String TEXT = assemble();

    private NotesTemplate() {}

    /** The template, the same for every chart: the strategy is a value, so any of them can be chosen at install. */
    public static String text() {
        return TEXT;
    }

    private static String assemble() {
        StringBuilder notes = new StringBuilder(part("head"));
        String keyword = "if";
        for (String strategy : OWN_BRANCHES) {
            notes.append("{{- ")
                    .append(keyword)
                    .append(" eq .Values.strategy \"")
                    .append(strategy)
                    .append("\" }}\n")
                    .append(part(strategy));
            keyword = "else if";
        }
        // Rolling's branch goes on with "else if" on updateStrategy itself; ramped rolls the same way.
        notes.append(part(Rolling.NAME)).append("{{- end }}\n").append(part("tail"));
        return notes.toString();
    }

    private static String part(String name) {
        String path = "notes/" + name + ".txt";
        try (InputStream in = NotesTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("NOTES.txt part missing from the plugin: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
