package io.statefulset.chart;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code .helmignore} rules Helm applies when it packages a chart: one glob per line, matched
 * against the path inside the chart and against the file name; a trailing {@code /} matches
 * directories (and so everything below them); {@code #} starts a comment; {@code !} negates.
 */
final class HelmIgnore {
    private record Pattern(PathMatcher matcher, boolean directory, boolean negated) {}

    private final List<Pattern> patterns;

    private HelmIgnore(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** The rules of the chart's {@code .helmignore}, read through the chart's tree; none without one. */
    static HelmIgnore of(ChartTree chart) throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        Optional<ChartTree.Entry> file = chart.files().stream()
                .filter(f -> f.name().equals(".helmignore"))
                .findFirst();
        if (file.isPresent()) {
            String text = Utf8Text.decode(
                    chart.read(file.get()), chart.root().resolve(".helmignore").toString());
            for (String raw : text.split("\r?\n")) {
                String line = raw.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean negated = line.startsWith("!");
                if (negated) {
                    line = line.substring(1);
                }
                boolean directory = line.endsWith("/");
                if (directory) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.startsWith("/")) {
                    line = line.substring(1);
                }
                patterns.add(new Pattern(FileSystems.getDefault().getPathMatcher("glob:" + line), directory, negated));
            }
        }
        return new HelmIgnore(patterns);
    }

    /** Whether {@code relative} (a file inside the chart) is left out of the package. */
    boolean ignores(Path relative) {
        boolean ignored = false;
        for (Pattern p : patterns) {
            if (matches(p, relative)) {
                ignored = !p.negated();
            }
        }
        return ignored;
    }

    private static boolean matches(Pattern p, Path relative) {
        int parts = relative.getNameCount();
        // A directory pattern matches when any parent directory (of the file) matches it.
        int last = p.directory() ? parts - 1 : parts;
        for (int i = 1; i <= last; i++) {
            Path prefix = relative.subpath(0, i);
            if (p.matcher().matches(prefix) || p.matcher().matches(prefix.getFileName())) {
                return true;
            }
        }
        return false;
    }
}
