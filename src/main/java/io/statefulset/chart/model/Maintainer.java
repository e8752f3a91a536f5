package io.statefulset.chart.model;

/** A chart maintainer; the project's developers become maintainers unless {@code <chart>} lists its own. */
public record Maintainer(String name, String email, String url) {}
