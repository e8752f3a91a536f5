package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.ChartPackager;
import io.statefulset.chart.Deadline;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.helm.ChartPusher;
import io.statefulset.helm.HelmChartRenderer;
import io.statefulset.helm.RenderedChart;
import io.statefulset.helm.TestHelm;
import io.statefulset.registry.LoopbackProxy;
import io.statefulset.registry.OciRegistry.Credentials;
import io.statefulset.registry.RegistryAccess;
import io.statefulset.registry.RegistryServer;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.Finding;
import io.statefulset.validate.Severity;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.Validator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <previousChart>oci://…</previousChart>} against a real registry with a login, holding
 * 1.0.0, 1.1.0, 1.2.0-SNAPSHOT and 0.9.0 of a chart, pushed in that order by real Helm; each
 * version's claim has a size of its own, so that the chart pulled tells which version it is.
 */
class PreviousChartFromRegistryTest {
    static final RegistryAccess PLAIN_HTTP = new RegistryAccess(true, null, false);
    static final Credentials CI = new Credentials("ci", "s3cret-pa55");
    static final Map<String, String> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("1.0.0", "1Gi");
        SIZES.put("1.1.0", "2Gi");
        SIZES.put("1.2.0-SNAPSHOT", "4Gi");
        SIZES.put("0.9.0", "8Gi");
    }

    @TempDir
    static Path dir;

    static RegistryServer registry;
    static final Map<String, Path> archives = new LinkedHashMap<>();

    @BeforeAll
    static void pushReleases() throws Exception {
        registry = RegistryServer.start(dir.resolve("registry"), "ci", "s3cret-pa55");
        for (Map.Entry<String, String> version : SIZES.entrySet()) {
            Path chart = RenderedChart.generateUnchecked(
                    release(version.getKey(), "Parallel", version.getValue()), dir.resolve("v" + version.getKey()));
            Path archive = ChartPackager.pack(
                    chart, dir.resolve("out"), Instant.parse("2026-01-01T00:00:00Z"), TestHelm.PACKAGING);
            new ChartPusher(TestHelm.RUNNER)
                    .push(
                            archive,
                            io.statefulset.chart.ChartMetadata.read(chart),
                            registry.chartsUrl(),
                            CI,
                            PLAIN_HTTP,
                            false,
                            deadline());
            archives.put(version.getKey(), archive);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aVersionIsPulledByteForByte(@TempDir Path target) throws Exception {
        List<String> log = new ArrayList<>();
        Path pulled = pull(reference("1.0.0"), CI, target, log);
        assertThat(pulled).isEqualTo(target.resolve("visit-counter-1.0.0.tgz"));
        assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(archives.get("1.0.0")));
        assertThat(log)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Pulled " + registry.chartsUrl() + "/visit-counter:1.0.0 as the previous chart"
                                + " (sha256:"));
    }

    @Test
    void latestReleaseIsTheHighestVersionThatIsNoSnapshot(@TempDir Path target) throws Exception {
        List<String> log = new ArrayList<>();
        Path pulled = pull(reference("latest-release"), CI, target, log);
        assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(archives.get("1.1.0")));
        assertThat(log)
                .anySatisfy(line ->
                        assertThat(line).contains("visit-counter:1.1.0 (latest-release) as the previous chart"));
    }

    @Test
    void anImmutableChangeAgainstTheReleaseInTheRegistryIsReported(@TempDir Path target) throws Exception {
        Path current = RenderedChart.generateUnchecked(release("1.3.0", "OrderedReady", "2Gi"), target.resolve("now"));
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(TestHelm.RUNNER, null),
                new Validator(new ValidationConfig(Map.of(), Severity.ERROR)));

        for (String version : List.of("1.0.0", "latest-release")) {
            Path previous = pull(reference(version), CI, target.resolve(version), new ArrayList<>());
            List<Finding> immutable =
                    validator.validateChart(current, "release-name", List.of(), previous).findings().stream()
                            .filter(f -> f.ruleId().equals("upgrade-immutable-field"))
                            .toList();
            assertThat(immutable).as(version).anySatisfy(f -> {
                assertThat(f.path()).isEqualTo("spec.podManagementPolicy");
                assertThat(f.message()).contains("Parallel").contains("OrderedReady");
            });
            // 1.1.0 has the current claim size; 1.0.0 a smaller one.
            assertThat(immutable.stream().anyMatch(f -> f.path().endsWith("requests.storage")))
                    .as(version)
                    .isEqualTo(version.equals("1.0.0"));
        }
    }

    @Test
    void aWrongPasswordNamesTheElementTheUrlAndTheServerIdSetting(@TempDir Path target) {
        assertThatThrownBy(() -> pull(reference("1.0.0"), new Credentials("ci", "not-the-password"), target, null))
                .hasMessageContaining("<previousChart> = '" + reference("1.0.0") + "'")
                .hasMessageContaining("the registry http://127.0.0.1:" + registry.port() + " refused access")
                .hasMessageContaining("check the <server> credentials named by <previousChartServerId>")
                .hasMessageNotContaining("not-the-password");
        assertThatThrownBy(() -> pull(reference("1.0.0"), null, target, null))
                .hasMessageContaining("refused access")
                .hasMessageContaining("no login was sent: set <previousChartServerId>")
                .hasMessageContaining("helm registry login 127.0.0.1:" + registry.port());
    }

    @Test
    void aMissingVersionIsNamedWithTheWayToTheLatestRelease(@TempDir Path target) {
        assertThatThrownBy(() -> pull(reference("9.9.9"), CI, target, null))
                .hasMessageContaining("<previousChart> = '" + reference("9.9.9") + "'")
                .hasMessageContaining("the registry http://127.0.0.1:" + registry.port()
                        + " has no charts/visit-counter:9.9.9 (HTTP 404)")
                .hasMessageContaining(registry.chartsUrl() + "/visit-counter:latest-release");
        assertThatThrownBy(() -> pull(registry.chartsUrl() + "/nothing:latest-release", CI, target, null))
                .hasMessageContaining("has no chart charts/nothing (HTTP 404)");
    }

    @Test
    void anUnreachableRegistryIsNamed(@TempDir Path target) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String down = "oci://127.0.0.1:" + port + "/charts/visit-counter:1.0.0";
        assertThatThrownBy(() -> pull(down, CI, target, null))
                .hasMessageContaining("<previousChart> = '" + down + "'")
                .hasMessageContaining("nothing answered at http://127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void aRegistryThatStopsAnsweringIsGivenUpOnAtThePullTimeout(@TempDir Path target) throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.stallingOn(registry.port(), "GET /v2/")) {
            String stalled = "oci://127.0.0.1:" + proxy.port() + "/charts/visit-counter:1.0.0";
            Deadline deadline = Deadline.after(Duration.ofSeconds(3), "<pullTimeout> (-Dstatefulset.pullTimeout)");
            long start = System.nanoTime();
            assertThatThrownBy(() -> PreviousChartResolver.pull(stalled, CI, PLAIN_HTTP, deadline, target, log(null)))
                    .hasMessageContaining("<previousChart> = '" + stalled + "'")
                    .hasMessageContaining("did not answer within 3 s (<pullTimeout> (-Dstatefulset.pullTimeout))");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }

    /** Without a server id, Helm's own login for the host (helm registry login) is used, read-only. */
    @Test
    void helmsOwnLoginServesWhenNoServerIdIsSet(@TempDir Path target) throws Exception {
        Path logins = target.resolve("helm/registry/config.json");
        Files.createDirectories(logins.getParent());
        String file = "{\"auths\":{\"127.0.0.1:" + registry.port() + "\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("ci:s3cret-pa55".getBytes(StandardCharsets.UTF_8)) + "\"}}}";
        Files.writeString(logins, file);
        List<String> log = new ArrayList<>();
        Credentials helmLogin =
                RegistryCredentials.fromHelmLogin(logins, "<previousChartServerId>", registry.chartsUrl(), log(log));
        assertThat(helmLogin.helmConfig()).isEqualTo(logins);
        assertThat(log)
                .containsExactly("No <previousChartServerId> is set: using Helm's own login for 127.0.0.1:"
                        + registry.port() + " from " + logins);

        Path pulled = pull(reference("1.0.0"), helmLogin, target.resolve("pulled"), new ArrayList<>());
        assertThat(Files.readAllBytes(pulled)).isEqualTo(Files.readAllBytes(archives.get("1.0.0")));
        assertThat(Files.readString(logins)).isEqualTo(file);
        assertThat(RegistryCredentials.fromHelmLogin(
                        target.resolve("none.json"), "<previousChartServerId>", registry.chartsUrl(), log(null)))
                .isNull();
    }

    /** The sample chart as released at {@code version}: its claim size and pod management policy. */
    private static RawConfig release(String version, String podManagementPolicy, String size) {
        return SampleConfigs.visitCounter()
                .chartVersion(version, version)
                .podManagementPolicy(podManagementPolicy)
                .volumeClaimTemplates(RawConfig.claim("data")
                        .mountPath("/app/data")
                        .size(size)
                        .accessModes("ReadWriteOnce")
                        .storageClassName("standard"));
    }

    private static String reference(String version) {
        return registry.chartsUrl() + "/visit-counter:" + version;
    }

    private static Path pull(String reference, Credentials credentials, Path target, List<String> log)
            throws Exception {
        return PreviousChartResolver.pull(reference, credentials, PLAIN_HTTP, deadline(), target, log(log));
    }

    private static SystemStreamLog log(List<String> lines) {
        return new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                if (lines != null) {
                    lines.add(content.toString());
                }
            }
        };
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(60), "<pullTimeout>");
    }
}
