package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statefulset.chart.ChartMetadata;
import io.statefulset.chart.ChartPackager;
import io.statefulset.chart.Fingerprint;
import io.statefulset.chart.SpecBuilder;
import io.statefulset.helm.ChartPusher;
import io.statefulset.helm.ChartPusher.AlreadyPushedException;
import io.statefulset.helm.HelmRegistryConfig;
import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.RenderedChart;
import io.statefulset.registry.OciRegistry.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm push through helm-java into a real registry on loopback, pulled back over the OCI API. */
class PushRegistryTest {
    static final HelmRunner.RegistryAccess PLAIN_HTTP = new HelmRunner.RegistryAccess(true, null, false);
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private static Path packageSample(Path dir, SpecBuilder spec) throws Exception {
        Path chart = RenderedChart.generate(spec.build(), dir.resolve("helm"));
        return ChartPackager.pack(chart, dir.resolve("out"), TIMESTAMP);
    }

    @Test
    void pushWithoutAuthenticationThenPullBackTheSameBytes(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SpecBuilder.sample());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null, null)) {
            ChartPusher.Pushed pushed = new ChartPusher(new HelmRunner())
                    .push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false);
            assertThat(pushed.reference()).isEqualTo("127.0.0.1:" + registry.port() + "/charts/visit-counter:1.0.0");
            assertThat(pushed.digest()).startsWith("sha256:");
            assertThat(pushed.replaced()).isFalse();
            assertPulledBackIdentical(new OciRegistry(registry.chartsUrl(), null, true, null, false), archive);

            assertThatThrownBy(() -> new ChartPusher(new HelmRunner())
                            .push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false))
                    .isInstanceOf(AlreadyPushedException.class)
                    .hasMessageContaining("visit-counter:1.0.0 is already in the registry")
                    .hasMessageContaining("<overwrite>true</overwrite>");
            assertThat(new ChartPusher(new HelmRunner())
                            .push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, true)
                            .replaced())
                    .isTrue();
        }
    }

    @Test
    void snapshotVersionsMayBePushedAgain(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SpecBuilder.sample().chartVersion("1.1.0-SNAPSHOT", "1.1-SNAPSHOT"));
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null, null)) {
            ChartPusher pusher = new ChartPusher(new HelmRunner());
            pusher.push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false);
            assertThat(pusher.push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false)
                            .replaced())
                    .isTrue();
        }
    }

    @Test
    void withAuthenticationAWrongPasswordFailsClearlyAndTheRightOnePushes(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SpecBuilder.sample());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), "ci", "s3cret-pa55")) {
            ChartPusher pusher = new ChartPusher(new HelmRunner());
            assertThatThrownBy(() -> pusher.push(
                            archive, chart, registry.chartsUrl(), new Credentials("ci", "wrong"), PLAIN_HTTP, false))
                    .hasMessageContaining("refused access")
                    .hasMessageContaining("check the <server> credentials")
                    .hasMessageNotContaining("wrong");
            assertThatThrownBy(() -> pusher.push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false))
                    .hasMessageContaining("refused access");

            // A login the user made before must survive the push, and the push's own login must not remain.
            Path logins = HelmRegistryConfig.locate();
            byte[] original = Files.exists(logins) ? Files.readAllBytes(logins) : null;
            String theirs = "{\"auths\":{\"registry.example.org\":{\"auth\":\"dGhlaXJzOmxvZ2lu\"}}}";
            Files.createDirectories(logins.getParent());
            Files.writeString(logins, theirs);
            ChartPusher.Pushed pushed;
            try {
                pushed = pusher.push(
                        archive, chart, registry.chartsUrl(), new Credentials("ci", "s3cret-pa55"), PLAIN_HTTP, false);
                assertThat(Files.readString(logins)).isEqualTo(theirs);
            } finally {
                if (original == null) {
                    Files.deleteIfExists(logins);
                } else {
                    Files.write(logins, original);
                }
            }
            assertThat(pushed.digest()).startsWith("sha256:");
            assertPulledBackIdentical(
                    new OciRegistry(registry.chartsUrl(), new Credentials("ci", "s3cret-pa55"), true, null, false),
                    archive);
        }
    }

    static void assertPulledBackIdentical(OciRegistry registry, Path archive) throws Exception {
        JsonNode manifest = registry.manifest(
                "visit-counter", ChartMetadata.read(archiveChart(archive)).version());
        JsonNode layer = manifest.get("layers").get(0);
        assertThat(layer.get("mediaType").asText()).isEqualTo("application/vnd.cncf.helm.chart.content.v1.tar+gzip");
        assertThat(layer.get("digest").asText()).isEqualTo(ChartPusher.digest(archive));
        byte[] pulled = registry.blob("visit-counter", layer.get("digest").asText());
        assertThat("sha256:"
                        + HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(pulled)))
                .isEqualTo("sha256:" + Fingerprint.sha256(archive));
        assertThat(pulled).isEqualTo(Files.readAllBytes(archive));
    }

    private static Path archiveChart(Path archive) throws Exception {
        Path dir = Files.createTempDirectory("unpacked");
        return io.statefulset.chart.ChartArchive.extract(archive, dir);
    }
}
