package io.statefulset.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.statefulset.chart.SemVer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Pulls a chart from an OCI registry as Helm pushed it: the manifest of its tag, the one layer of
 * type {@value #CHART_LAYER}, and that blob, refused when larger than {@link
 * OciRegistry#MAX_BLOB_BYTES} or when its bytes do not match its digest.
 */
public final class ChartPuller {
    /** The media type of the layer that holds the chart archive in Helm's OCI manifests. */
    public static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /** A pulled chart: the archive written, its version and the digest it was verified against. */
    public record Pulled(Path archive, String version, String digest) {}

    private final OciRegistry registry;

    public ChartPuller(OciRegistry registry) {
        this.registry = registry;
    }

    /**
     * Writes {@code <chart>-<version>.tgz} into {@code directory} (atomically) and returns it; a
     * {@code version} of {@value ChartReference#LATEST_RELEASE} is looked up first.
     */
    public Pulled pull(ChartReference reference, Path directory) throws IOException {
        String chart = reference.chart();
        String version = reference.latestRelease() ? latestRelease(chart) : reference.version();
        String where = registry.repository(chart) + ":" + OciRegistry.tag(version);
        JsonNode layer = chartLayer(registry.manifest(chart, version), where);
        String digest = layer.path("digest").asText("");
        long size = layer.path("size").asLong(-1);
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IOException("the chart layer of " + where + " has the digest '" + digest
                    + "'; only sha256 digests are verified");
        }
        if (size < 0 || size > OciRegistry.MAX_BLOB_BYTES) {
            throw new IOException("the chart layer of " + where + " is " + size + " bytes; a chart archive is at most "
                    + OciRegistry.MAX_BLOB_BYTES + " bytes, so it was not downloaded");
        }
        byte[] archive = registry.blob(chart, digest);
        String actual = "sha256:" + HexFormat.of().formatHex(sha256(archive));
        if (archive.length != size || !actual.equals(digest)) {
            throw new IOException("the chart layer of " + where + " does not match its manifest: " + archive.length
                    + " bytes with digest " + actual + ", where the manifest says " + size + " bytes with " + digest);
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(chart + "-" + version + ".tgz");
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, archive);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Pulled(target, version, digest);
    }

    /** The highest version of {@code chart} in the registry that is not a SNAPSHOT. */
    public String latestRelease(String chart) throws IOException {
        List<String> tags = registry.tags(chart);
        return latestRelease(tags)
                .orElseThrow(() -> new OciRegistry.NotFoundException("the registry " + registry.baseUrl()
                        + " has no released version of " + registry.repository(chart) + ": none of its " + tags.size()
                        + " tags is a SemVer version without SNAPSHOT"));
    }

    /** The highest SemVer version among {@code tags} that is not a SNAPSHOT; Helm writes '+' as '_' in tags. */
    static Optional<String> latestRelease(Collection<String> tags) {
        return tags.stream()
                .map(tag -> tag.replace('_', '+'))
                .filter(SemVer::isValid)
                .filter(version -> !SemVer.isSnapshot(version))
                // Versions that differ in build metadata only have equal precedence: pick one the same way every time.
                .max(((Comparator<String>) SemVer::compare).thenComparing(Comparator.naturalOrder()));
    }

    private static JsonNode chartLayer(JsonNode manifest, String where) throws IOException {
        JsonNode found = null;
        for (JsonNode layer : manifest.path("layers")) {
            if (CHART_LAYER.equals(layer.path("mediaType").asText())) {
                if (found != null) {
                    throw new IOException(where + " has more than one chart layer; it was not pushed by Helm");
                }
                found = layer;
            }
        }
        if (found == null) {
            throw new IOException(where + " holds no Helm chart (no layer of type " + CHART_LAYER + ")");
        }
        return found;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
