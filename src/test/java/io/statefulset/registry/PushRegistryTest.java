package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statefulset.chart.ChartMetadata;
import io.statefulset.chart.ChartPackager;
import io.statefulset.chart.Deadline;
import io.statefulset.chart.Fingerprint;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.helm.ChartPusher;
import io.statefulset.helm.ChartPusher.AlreadyPushedException;
import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.HelmTimeoutException;
import io.statefulset.helm.HelmWorkers;
import io.statefulset.helm.RenderedChart;
import io.statefulset.helm.TestHelm;
import io.statefulset.registry.OciRegistry.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** helm push through helm-java into a real registry on loopback, pulled back over the OCI API. */
class PushRegistryTest {
    static final RegistryAccess PLAIN_HTTP = new RegistryAccess(true, null, false);
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    private static Path packageSample(Path dir, RawConfig config) throws Exception {
        Path chart = RenderedChart.generate(config, dir.resolve("helm"));
        return ChartPackager.pack(chart, dir.resolve("out"), TIMESTAMP, TestHelm.PACKAGING);
    }

    @Test
    void pushWithoutAuthenticationThenPullBackTheSameBytes(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null, null)) {
            ChartPusher.Pushed pushed = new ChartPusher(TestHelm.RUNNER)
                    .push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false, deadline());
            assertThat(pushed.reference()).isEqualTo("127.0.0.1:" + registry.port() + "/charts/visit-counter:1.0.0");
            assertThat(pushed.digest()).startsWith("sha256:");
            assertThat(pushed.replaced()).isFalse();
            assertPulledBackIdentical(
                    new OciRegistry(registry.chartsUrl(), null, "<pushServerId>", PLAIN_HTTP, deadline()), archive);

            assertThatThrownBy(() -> new ChartPusher(TestHelm.RUNNER)
                            .push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false, deadline()))
                    .isInstanceOf(AlreadyPushedException.class)
                    .hasMessageContaining("visit-counter:1.0.0 is already in the registry")
                    .hasMessageContaining("<overwrite>true</overwrite>");
            assertThat(new ChartPusher(TestHelm.RUNNER)
                            .push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, true, deadline())
                            .replaced())
                    .isTrue();
        }
    }

    @Test
    void snapshotVersionsMayBePushedAgain(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter().chartVersion("1.1.0-SNAPSHOT", "1.1-SNAPSHOT"));
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null, null)) {
            ChartPusher pusher = new ChartPusher(TestHelm.RUNNER);
            pusher.push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false, deadline());
            assertThat(pusher.push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false, deadline())
                            .replaced())
                    .isTrue();
        }
    }

    @Test
    void withAuthenticationAWrongPasswordFailsClearlyAndTheRightOnePushes(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), "ci", "s3cret-pa55")) {
            ChartPusher pusher = new ChartPusher(TestHelm.RUNNER);
            assertThatThrownBy(() -> pusher.push(
                            archive,
                            chart,
                            registry.chartsUrl(),
                            new Credentials("ci", "wrong"),
                            PLAIN_HTTP,
                            false,
                            deadline()))
                    .hasMessageContaining("refused access")
                    .hasMessageContaining("check the <server> credentials")
                    .hasMessageNotContaining("wrong");
            assertThatThrownBy(() ->
                            pusher.push(archive, chart, registry.chartsUrl(), null, PLAIN_HTTP, false, deadline()))
                    .hasMessageContaining("refused access");

            ChartPusher.Pushed pushed = pusher.push(
                    archive,
                    chart,
                    registry.chartsUrl(),
                    new Credentials("ci", "s3cret-pa55"),
                    PLAIN_HTTP,
                    false,
                    deadline());
            assertThat(pushed.digest()).startsWith("sha256:");
            assertPulledBackIdentical(
                    new OciRegistry(
                            registry.chartsUrl(),
                            new Credentials("ci", "s3cret-pa55"),
                            "<pushServerId>",
                            PLAIN_HTTP,
                            deadline()),
                    archive);
        }
    }

    @Test
    void theLoginNeverReachesTheUsersRegistryConfigAndItsWorkerHomeIsGone(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        Path userConfigHome = dir.resolve("user-helm");
        Path logins = userConfigHome.resolve("registry/config.json");
        Files.createDirectories(logins.getParent());
        String theirs = "{\"auths\":{\"registry.example.org\":{\"auth\":\"dGhlaXJzOmxvZ2lu\"}}}";
        Files.writeString(logins, theirs);
        Path workerTemp = Files.createDirectories(dir.resolve("worker-temp"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), "ci", "s3cret-pa55");
                HelmWorkers workers =
                        new HelmWorkers(Map.of("HELM_CONFIG_HOME", userConfigHome.toString()), 1L << 30, workerTemp)) {
            ChartPusher pusher = new ChartPusher(new HelmRunner(workers, TestHelm.RENDER_TIMEOUT, "<renderTimeout>"));
            pusher.push(
                    archive,
                    chart,
                    registry.chartsUrl(),
                    new Credentials("ci", "s3cret-pa55"),
                    PLAIN_HTTP,
                    false,
                    deadline());
            assertThat(Files.readString(logins)).isEqualTo(theirs);
            assertThat(workerHomes(workerTemp)).as("worker homes left behind").isEmpty();
        }
    }

    /**
     * Without a server id, the registry checks use the login Helm itself keeps, found where Helm
     * finds it ($XDG_CONFIG_HOME/helm/registry/config.json here), and Helm's push reads the same
     * file: the push goes through only if both found it. Nothing is written to it.
     */
    @Test
    void withoutAServerIdHelmsOwnLoginServesTheChecksAndThePush(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        Map<String, String> environment = Map.of(
                "HELM_CONFIG_HOME", "", "XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        Path logins = HelmRegistryLogins.configFile(environment, System.getProperty("os.name"));
        assertThat(logins).isEqualTo(dir.resolve("xdg/helm/registry/config.json"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), "ci", "s3cret-pa55");
                HelmWorkers workers = new HelmWorkers(environment, 1L << 30, dir)) {
            String host = "127.0.0.1:" + registry.port();
            Files.createDirectories(logins.getParent());
            String theirs = "{\"auths\":{\"" + host + "\":{\"auth\":\""
                    + java.util.Base64.getEncoder().encodeToString("ci:s3cret-pa55".getBytes()) + "\"}}}";
            Files.writeString(logins, theirs);
            Credentials helmLogin = HelmRegistryLogins.find(logins, host).orElseThrow();

            ChartPusher pusher = new ChartPusher(new HelmRunner(workers, TestHelm.RENDER_TIMEOUT, "<renderTimeout>"));
            assertThat(pusher.push(archive, chart, registry.chartsUrl(), helmLogin, PLAIN_HTTP, false, deadline())
                            .digest())
                    .startsWith("sha256:");
            assertPulledBackIdentical(
                    new OciRegistry(registry.chartsUrl(), helmLogin, "<pushServerId>", PLAIN_HTTP, deadline()),
                    archive);
            assertThat(Files.readString(logins)).isEqualTo(theirs);
            assertThatThrownBy(() -> pusher.push(
                            archive,
                            chart,
                            registry.chartsUrl(),
                            new Credentials("ci", "expired", logins),
                            PLAIN_HTTP,
                            true,
                            deadline()))
                    .hasMessageContaining("refused access")
                    .hasMessageContaining("the login sent is Helm's own for " + host + " in " + logins)
                    .hasMessageContaining("or set <pushServerId>");
        }
    }

    @Test
    void aStalledUploadEndsAtThePushTimeoutLeavingNoLoginAndNoWorker(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        Path userConfigHome = dir.resolve("user-helm");
        Files.createDirectories(userConfigHome);
        Path workerTemp = Files.createDirectories(dir.resolve("worker-temp"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), "ci", "s3cret-pa55");
                LoopbackProxy proxy = LoopbackProxy.stallingOn(registry.port(), "PUT /v2/", "PATCH /v2/");
                HelmWorkers workers =
                        new HelmWorkers(Map.of("HELM_CONFIG_HOME", userConfigHome.toString()), 1L << 30, workerTemp)) {
            ChartPusher pusher = new ChartPusher(new HelmRunner(workers, TestHelm.RENDER_TIMEOUT, "<renderTimeout>"));
            java.net.URI viaProxy = java.net.URI.create("oci://127.0.0.1:" + proxy.port() + "/charts");
            Deadline deadline = Deadline.after(Duration.ofSeconds(8), "<pushTimeout>");
            assertThatThrownBy(() -> pusher.push(
                            archive,
                            chart,
                            viaProxy,
                            new Credentials("ci", "s3cret-pa55"),
                            PLAIN_HTTP,
                            false,
                            deadline))
                    .isInstanceOf(HelmTimeoutException.class)
                    .hasMessageContaining("push visit-counter-1.0.0.tgz to " + viaProxy)
                    .hasMessageContaining("within 8 s (<pushTimeout>)")
                    .hasMessageNotContaining("s3cret");
            assertThat(proxy.awaitStall(0))
                    .as("the upload reached the proxy and stalled there")
                    .isTrue();
            try (Stream<Path> files = Files.walk(userConfigHome)) {
                assertThat(files.filter(Files::isRegularFile).toList())
                        .as("nothing written to the user's Helm home")
                        .isEmpty();
            }
            assertThat(workerHomes(workerTemp)).as("worker homes left behind").isEmpty();
        }
    }

    @Test
    void aRegistryThatIsDownIsNamedWithWhatToCheck(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        int port;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        java.net.URI down = java.net.URI.create("oci://127.0.0.1:" + port + "/charts");
        assertThatThrownBy(() -> new ChartPusher(TestHelm.RUNNER)
                        .push(archive, chart, down, null, PLAIN_HTTP, false, deadline()))
                .hasMessageContaining("nothing answered at http://127.0.0.1:" + port)
                .hasMessageContaining("connection refused")
                .hasMessageNotContaining("null");
    }

    @Test
    void aRegistryThatDropsConnectionsIsNamed(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (LoopbackProxy dropping = LoopbackProxy.dropping()) {
            java.net.URI url = java.net.URI.create("oci://127.0.0.1:" + dropping.port() + "/charts");
            assertThatThrownBy(() -> new ChartPusher(TestHelm.RUNNER)
                            .push(archive, chart, url, null, PLAIN_HTTP, false, deadline()))
                    .hasMessageContaining("127.0.0.1:" + dropping.port())
                    .hasMessageNotContaining("null:");
        }
    }

    @Test
    void tlsAgainstAPlainHttpRegistrySuggestsPlainHttp(@TempDir Path dir) throws Exception {
        Path archive = packageSample(dir, SampleConfigs.visitCounter());
        ChartMetadata chart = ChartMetadata.read(dir.resolve("helm/visit-counter"));
        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), null, null)) {
            assertThatThrownBy(() -> new ChartPusher(TestHelm.RUNNER)
                            .push(
                                    archive,
                                    chart,
                                    registry.chartsUrl(),
                                    null,
                                    new RegistryAccess(false, null, false),
                                    false,
                                    deadline()))
                    .hasMessageContaining("does not speak TLS")
                    .hasMessageContaining("<plainHttp>true</plainHttp>");
        }
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(120), "<pushTimeout>");
    }

    /** The worker homes in {@code temporary}: a push must leave none behind. */
    private static Set<Path> workerHomes(Path temporary) throws Exception {
        try (Stream<Path> list = Files.list(temporary)) {
            return list.filter(p -> p.getFileName().toString().startsWith("statefulset-helm-")
                            && !p.getFileName().toString().startsWith("statefulset-helm-native-"))
                    .collect(Collectors.toSet());
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
