package io.statefulset.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Remembers, per goal and chart, the fingerprint of the inputs and of the output of the last
 * successful run (under {@code target/statefulset/up-to-date/}). A run is up to date when both
 * still match: same inputs, and the output nobody touched since.
 */
public final class UpToDate {
    private final Path file;

    public UpToDate(Path stateDirectory, String goal, String chart) {
        this.file = stateDirectory.resolve("up-to-date").resolve(goal + "-" + chart + ".sha256");
    }

    public boolean isCurrent(String inputs, Optional<String> output) throws IOException {
        if (!Files.isRegularFile(file) || output.isEmpty()) {
            return false;
        }
        return Files.readString(file, StandardCharsets.UTF_8).equals(record(inputs, output.get()));
    }

    public void remember(String inputs, String output) throws IOException {
        AtomicWrite.text(file, record(inputs, output));
    }

    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    private static String record(String inputs, String output) {
        return "inputs " + inputs + "\noutput " + output + "\n";
    }
}
