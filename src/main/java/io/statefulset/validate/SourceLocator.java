package io.statefulset.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the template line a finding most likely comes from: the template Helm named in the
 * finding's source, and in it the first line that sets the last key of the finding's path. It is a
 * best guess (templates compute their output), good enough to put code-scanning alerts on the
 * right file and usually the right line.
 */
public final class SourceLocator {
    private final Path chartsDirectory;
    private final Path projectRoot;
    private final Map<Path, List<String>> cache = new HashMap<>();

    /**
     * @param chartsDirectory the directory holding the chart directory (sources are {@code <chart>/templates/…})
     * @param projectRoot what SARIF uris are relative to
     */
    public SourceLocator(Path chartsDirectory, Path projectRoot) {
        this.chartsDirectory = chartsDirectory.toAbsolutePath().normalize();
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
    }

    public Optional<ReportWriter.Location> locate(Finding finding) {
        if (finding.source() == null) {
            return Optional.empty();
        }
        Path file = chartsDirectory.resolve(finding.source()).normalize();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String uri = (file.startsWith(projectRoot) ? projectRoot.relativize(file) : file)
                .toString()
                .replace('\\', '/');
        return Optional.of(new ReportWriter.Location(uri, line(file, finding.path())));
    }

    private int line(Path file, String path) {
        List<String> lines = cache.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(f);
            } catch (IOException e) {
                return List.of();
            }
        });
        if (path == null || path.isEmpty()) {
            return 1;
        }
        String[] parts = path.split("\\.");
        for (int p = parts.length - 1; p >= 0; p--) {
            String key = parts[p].replaceAll("\\[.*]$", "");
            Pattern pattern = Pattern.compile("^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:");
            for (int i = 0; i < lines.size(); i++) {
                if (pattern.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        }
        return 1;
    }
}
