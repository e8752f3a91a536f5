package io.statefulset.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the plugin adds to {@code mvn package} of the sample app. Install the plugin first ({@code
 * mvn -q install -DskipTests}), then run {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.statefulset.bench.SampleBuildBench}.
 *
 * <p>Works on a copy of {@code sample-app} and times, in rounds, four builds of it with Maven
 * (offline, quiet): after an edit of the POM's description, one with {@code -Dstatefulset.skip=true}
 * (compile, test and jar, no plugin work: the baseline of the full run); after another edit, one
 * with the plugin, which then generates, validates and packages anew (the full run); that build
 * again with nothing changed (the no-op); and once more with {@code -Dstatefulset.skip=true} (the
 * baseline of the no-op). Prints the median of each and the overhead of the full run and of the
 * no-op over their baselines. {@code -Dbench.runs=N} sets the rounds (default 7), {@code -Dbench.mvn} the
 * Maven executable (default {@code mvn} on the PATH).
 */
public final class SampleBuildBench {
    private SampleBuildBench() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        Path project = copyOfSample();
        Path pom = project.resolve("pom.xml");
        String original = Files.readString(pom, StandardCharsets.UTF_8);
        String marker = "<description>";
        if (!original.contains(marker)) {
            throw new IllegalStateException("the sample's POM has no <description> to edit");
        }
        // Warm-up: resolve, compile, first run of every plugin, nothing measured.
        build(project, true);
        build(project, false);
        List<Long> skipEdited = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        List<Long> noop = new ArrayList<>();
        List<Long> skip = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            Files.writeString(pom, original.replace(marker, marker + "Round " + round + ". "), StandardCharsets.UTF_8);
            skipEdited.add(build(project, true));
            Files.writeString(pom, original.replace(marker, marker + "Round " + round + "b. "), StandardCharsets.UTF_8);
            full.add(build(project, false));
            noop.add(build(project, false));
            skip.add(build(project, true));
        }
        System.out.printf(Locale.ROOT, "mvn package of the sample app, median of %d runs each%n", runs);
        System.out.printf(Locale.ROOT, "  POM edited, -Dstatefulset.skip=true   %6d ms%n", median(skipEdited));
        System.out.printf(
                Locale.ROOT,
                "  POM edited, full run                  %6d ms  %+5.1f%%%n",
                median(full),
                percent(median(full), median(skipEdited)));
        System.out.printf(Locale.ROOT, "  unchanged, -Dstatefulset.skip=true    %6d ms%n", median(skip));
        System.out.printf(
                Locale.ROOT,
                "  unchanged, no-op                      %6d ms  %+5.1f%%%n",
                median(noop),
                percent(median(noop), median(skip)));
        System.out.printf(
                Locale.ROOT, "  runs: skip after edit %s, full %s, no-op %s, skip %s%n", skipEdited, full, noop, skip);
    }

    private static double percent(long value, long base) {
        return 100.0 * (value - base) / base;
    }

    /** One {@code mvn -o -q package}, in milliseconds; a failed build ends the bench. */
    private static long build(Path project, boolean skipPlugin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(maven(), "-o", "-q", "-B", "package"));
        if (skipPlugin) {
            command.add("-Dstatefulset.skip=true");
        }
        Path log = project.resolve("bench-build.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the build took more than 10 minutes");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the build failed:\n" + Files.readString(log));
        }
        return millis;
    }

    private static String maven() {
        String configured = System.getProperty("bench.mvn");
        if (configured != null) {
            return configured;
        }
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return windows ? "mvn.cmd" : "mvn";
    }

    /** The sample app's sources and POM, without its target/. */
    private static Path copyOfSample() throws IOException {
        Path source = Path.of("sample-app").toAbsolutePath();
        Path copy = Files.createTempDirectory("sample-build-bench");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file :
                    files.filter(p -> !p.startsWith(source.resolve("target"))).toList()) {
                Path target = copy.resolve(source.relativize(file).toString().replace(File.separatorChar, '/'));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
