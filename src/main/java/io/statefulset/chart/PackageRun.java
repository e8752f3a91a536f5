package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of {@code package}: each chart directory into a reproducible archive in the output
 * directory, unless the archive of an earlier run with the same chart, time stamp and tool is still
 * there untouched. That is decided from file hashes alone, before Helm or YAML is loaded.
 */
public final class PackageRun {
    /** An archive, its SHA-256, and whether it was already there ({@code upToDate}). */
    public record Packed(Path archive, String sha256, boolean upToDate) {}

    private final Path stateDirectory;
    private final Path outputDirectory;
    private final Instant timestamp;
    private final String identity;

    /**
     * @param identity the tool's identity (its version and build): an archive written by another
     *     build of the tool is written again
     */
    public PackageRun(Path stateDirectory, Path outputDirectory, Instant timestamp, String identity) {
        this.stateDirectory = stateDirectory;
        this.outputDirectory = outputDirectory;
        this.timestamp = timestamp;
        this.identity = identity;
    }

    /** The archive an earlier run made of this chart, if nothing it was made from or of has changed. */
    public Optional<Packed> unchanged(Path chart) throws IOException {
        Optional<List<String>> recorded = record(chart).recorded(inputs(chart));
        if (recorded.isEmpty() || recorded.get().size() != 2) {
            return Optional.empty();
        }
        Path archive = Path.of(recorded.get().get(0));
        if (!Files.isRegularFile(archive)
                || !Fingerprint.sha256(archive).equals(recorded.get().get(1))) {
            return Optional.empty();
        }
        return Optional.of(new Packed(archive, recorded.get().get(1), true));
    }

    /** Packages the chart with Helm's choice of files, written reproducibly; replaces an older archive. */
    public Packed pack(Path chart, ChartPackaging helm) throws IOException, ChartRejectedException {
        UpToDate record = record(chart);
        record.forget();
        Path archive = ChartPackager.pack(chart, outputDirectory, timestamp, helm);
        String sha256 = Fingerprint.sha256(archive);
        record.remember(inputs(chart), List.of(archive.toAbsolutePath().toString(), sha256));
        return new Packed(archive, sha256, false);
    }

    private UpToDate record(Path chart) {
        return new UpToDate(stateDirectory, "package", chart.getFileName().toString());
    }

    private String inputs(Path chart) throws IOException {
        return Fingerprint.start()
                .add("tool", identity)
                .add("timestamp", timestamp.toString())
                .add("output", outputDirectory.toAbsolutePath().toString())
                .addTree("chart", chart)
                .hex();
    }
}
