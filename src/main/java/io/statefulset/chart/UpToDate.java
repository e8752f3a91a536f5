package io.statefulset.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers, per goal and chart, the fingerprint of the inputs and of the output of the last
 * successful run (under {@code target/statefulset/up-to-date/}). A run is up to date when both
 * still match: same inputs, and the output nobody touched since.
 */
public final class UpToDate {
    private static final String INPUTS = "inputs ";
    /** A record holds a few hashes and the warnings of one run. */
    private static final long MAX_RECORD_BYTES = 1024 * 1024;

    private final Path file;

    public UpToDate(Path stateDirectory, String goal, String chart) {
        this.file = stateDirectory.resolve("up-to-date").resolve(goal + "-" + chart + ".sha256");
    }

    public boolean isCurrent(String inputs, Optional<String> output) throws IOException {
        return output.isPresent() && recorded(inputs).equals(Optional.of(List.of(output.get())));
    }

    public void remember(String inputs, String output) throws IOException {
        remember(inputs, List.of(output));
    }

    /**
     * What the last successful run recorded about its output, if it ran with these inputs: the
     * caller checks that the output is still what it recorded.
     */
    public Optional<List<String>> recorded(String inputs) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            // Written by an earlier run; one that is too large or damaged is simply not current.
            lines = new String(BoundedRead.file(file, MAX_RECORD_BYTES, "it is rewritten"), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (RefusedInputException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(INPUTS + inputs)) {
            return Optional.empty();
        }
        List<String> output = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            output.add(unescape(line));
        }
        return Optional.of(output);
    }

    /** Records a successful run: its inputs, and lines that describe its output (any text). */
    public void remember(String inputs, List<String> output) throws IOException {
        StringBuilder text = new StringBuilder(INPUTS).append(inputs).append('\n');
        for (String line : output) {
            text.append(line.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                    .append('\n');
        }
        AtomicWrite.text(file, text.toString());
    }

    /** A line break, carriage return or backslash would end a line early or be read back wrongly: escaped. */
    private static String unescape(String line) {
        StringBuilder text = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char escaped = line.charAt(++i);
                text.append(escaped == 'n' ? '\n' : escaped == 'r' ? '\r' : escaped);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
