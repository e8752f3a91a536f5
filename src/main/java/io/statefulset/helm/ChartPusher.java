package io.statefulset.helm;

import io.statefulset.chart.ChartMetadata;
import io.statefulset.chart.Deadline;
import io.statefulset.chart.Fingerprint;
import io.statefulset.registry.OciRegistry;
import io.statefulset.registry.OciRegistry.Credentials;
import io.statefulset.registry.RegistryAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Publishes a packaged chart to an OCI registry with real Helm, refusing to replace a version that
 * is already there unless asked to (SNAPSHOT versions are replaced, as Maven redeploys snapshots).
 */
public final class ChartPusher {

    /** Where the chart went: its reference and the manifest digest the registry reports. */
    public record Pushed(String reference, String digest, boolean replaced) {}

    /** The version is in the registry and may not be replaced. */
    public static final class AlreadyPushedException extends Exception {
        public AlreadyPushedException(String message) {
            super(message);
        }
    }

    private final HelmRunner helm;

    public ChartPusher(HelmRunner helm) {
        this.helm = helm;
    }

    /**
     * Pushes {@code archive}; everything, registry checks included, ends by {@code deadline}.
     * Credentials from settings.xml log Helm in inside its private home; credentials read from the
     * user's own Helm logins only serve the registry checks, since Helm reads that file itself.
     */
    public Pushed push(
            Path archive,
            ChartMetadata chart,
            URI remote,
            Credentials credentials,
            RegistryAccess access,
            boolean overwrite,
            Deadline deadline)
            throws IOException, HelmException, AlreadyPushedException {
        // One deadline for all of it: the check before, Helm's login and push, the check after.
        OciRegistry registry = new OciRegistry(remote, credentials, "<pushServerId>", access, deadline);
        String reference = remote.getHost() + (remote.getPort() > 0 ? ":" + remote.getPort() : "") + "/"
                + registry.repository(chart.name()) + ":" + OciRegistry.tag(chart.version());
        Optional<String> existing = registry.manifestDigest(chart.name(), chart.version());
        if (existing.isPresent() && !overwrite && !chart.isSnapshot()) {
            throw new AlreadyPushedException(
                    reference + " is already in the registry (" + existing.get() + "); a released chart"
                            + " version is not replaced. Raise the chart version, or set <overwrite>true</overwrite>"
                            + " (-Dstatefulset.overwrite=true) if replacing it is intended.");
        }
        boolean login = credentials != null && credentials.helmConfig() == null;
        helm.push(
                archive,
                remote,
                login ? credentials.username() : null,
                login ? credentials.password() : null,
                access,
                deadline);
        String digest = registry.manifestDigest(chart.name(), chart.version())
                .orElseThrow(
                        () -> new IOException("Helm reported success but " + reference + " is not in the registry"));
        return new Pushed(reference, digest, existing.isPresent());
    }

    /** The sha256 digest of a local archive, in OCI notation, to compare with the pushed layer. */
    public static String digest(Path archive) throws IOException {
        return "sha256:" + Fingerprint.sha256(archive);
    }
}
