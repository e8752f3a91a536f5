package io.statefulset.registry;

import io.statefulset.chart.SemVer;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A chart version in an OCI registry, written as Helm writes references: {@code
 * oci://host[:port]/path/<chart>:<version>}. The version {@value #LATEST_RELEASE} stands for the
 * highest SemVer version in the registry that is not a SNAPSHOT.
 *
 * @param registry {@code oci://host[:port][/path]}, where the chart lives under {@code <path>/<chart>}
 * @param chart the chart's name
 * @param version a chart version, or {@value #LATEST_RELEASE}
 */
public record ChartReference(URI registry, String chart, String version) {
    public static final String LATEST_RELEASE = "latest-release";

    /** Whether {@code text} is meant as a registry reference rather than a file or Maven coordinates. */
    public static boolean isOci(String text) {
        return text != null && text.strip().startsWith("oci://");
    }

    /**
     * Parses {@code text}, whose version may instead be given on its own as {@code version} (a
     * chart version or {@value #LATEST_RELEASE}); given in both places, the two must agree.
     */
    public static ChartReference parse(String text, String version) {
        if (version == null || version.isBlank()) {
            return parse(text);
        }
        String reference = text.strip();
        String last = reference.substring(reference.lastIndexOf('/') + 1);
        if (last.contains(":")) {
            ChartReference parsed = parse(reference);
            if (!parsed.version().equals(version.strip().replace('_', '+'))) {
                throw new IllegalArgumentException("names version " + parsed.version() + " while <previousChartVersion>"
                        + " says " + version.strip() + "; give the version in one place");
            }
            return parsed;
        }
        return parse(reference + ":" + version.strip());
    }

    /** Parses {@code oci://host[:port]/path/<chart>:<version>}; the exception says what is wrong. */
    public static ChartReference parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getMessage() + ")");
        }
        if (!"oci".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("not of the form oci://host[:port]/path/<chart>:<version>");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        int colon = last.lastIndexOf(':');
        if (last.isEmpty() || colon == 0) {
            throw new IllegalArgumentException("names no chart; write oci://host[:port]/path/<chart>:<version>");
        }
        if (colon < 0 || colon == last.length() - 1) {
            throw new IllegalArgumentException("names no version; add the version to compare with, e.g. "
                    + text.strip() + ":1.2.0, or " + text.strip() + ":" + LATEST_RELEASE
                    + " for the highest released version in the registry");
        }
        String version = last.substring(colon + 1);
        if (!LATEST_RELEASE.equals(version) && !SemVer.isValid(version.replace('_', '+'))) {
            throw new IllegalArgumentException(
                    "'" + version + "' is neither a chart version (SemVer, such as 1.2.0)" + " nor " + LATEST_RELEASE);
        }
        URI registry = URI.create("oci://" + uri.getRawAuthority() + path.substring(0, Math.max(0, slash)));
        return new ChartReference(registry, last.substring(0, colon), version.replace('_', '+'));
    }

    /** Whether the version is to be found: the highest release in the registry. */
    public boolean latestRelease() {
        return LATEST_RELEASE.equals(version);
    }

    @Override
    public String toString() {
        return registry + "/" + chart + ":" + version;
    }
}
