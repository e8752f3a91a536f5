package io.statefulset.chart.model;

import java.util.List;

/**
 * What the build tool knows about the project, which {@link ChartInfo} derives its defaults from: the
 * artifactId names the chart, the version versions it, the URL and SCM fill {@code home} and
 * {@code sources}, developers become maintainers.
 */
public record ProjectInfo(
        String artifactId, String version, String description, String url, String scmUrl, List<Maintainer> developers) {
    public ProjectInfo {
        developers = developers == null ? List.of() : List.copyOf(developers);
    }
}
