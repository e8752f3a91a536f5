package io.statefulset.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of a StatefulSet chart, proven on the sample app: every replica keeps its own data
 * through reinstalls, scaling and crashes. The chart is the one the plugin generated for
 * sample-app/ during this build; real Helm renders it; {@link LocalStatefulSet} runs what a cluster
 * would run.
 */
class PersistenceIT {
    static final Pattern VISITS = Pattern.compile("\"visits\":(\\d+)");
    static final Map<String, Map<String, String>> SECRETS =
            Map.of("visit-counter-credentials", Map.of("whoami", "lab-student"));

    static Path jar;
    static Path chart;

    @TempDir
    Path volumes;

    LocalStatefulSet cluster;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void sampleBuild() {
        jar = Path.of(System.getProperty("sample.jar", "target/it/sample-app/target/visit-counter-1.0.0.jar"));
        chart = Path.of(System.getProperty("sample.chart", "target/it/sample-app/target/helm/visit-counter"));
        assertThat(jar)
                .as("the sample app jar, built by the sample-app invoker execution before this test")
                .isRegularFile();
        assertThat(chart.resolve("Chart.yaml"))
                .as("the chart the plugin generated for the sample app")
                .isRegularFile();
    }

    LocalStatefulSet cluster() {
        cluster = new LocalStatefulSet(jar, chart, volumes, SECRETS);
        return cluster;
    }

    @AfterEach
    void shutDown() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void eachPodGetsItsCountBackAfterUninstallAndInstall() throws Exception {
        LocalStatefulSet c = cluster();
        c.install("lab", Map.of());
        assertThat(c.statefulSet().getSpec().getReplicas()).isEqualTo(2);
        visit(c, 0, 9);
        visit(c, 1, 20);
        c.uninstall();
        assertThat(Files.readString(c.claimDirectory("data", 0).resolve("visits"))
                        .trim())
                .isEqualTo("9");
        c.install("lab", Map.of());
        assertThat(count(c, 0)).isEqualTo(9);
        assertThat(count(c, 1)).isEqualTo(20);
        assertThat(c.claimDirectory("data", 1).getFileName().toString()).isEqualTo("data-lab-visit-counter-1");
    }

    @Test
    void scaledDownPodsGetTheirDataBackWhenWhenScaledIsRetain() throws Exception {
        LocalStatefulSet c = cluster();
        c.install("lab", Map.of("replicaCount", "3"));
        visit(c, 2, 7);
        c.upgrade(Map.of("replicaCount", "1"));
        assertThat(c.events()).contains("stopped lab-visit-counter-2", "stopped lab-visit-counter-1");
        c.upgrade(Map.of("replicaCount", "3"));
        assertThat(count(c, 2)).isEqualTo(7);
    }

    @Test
    void scaledDownPodsStartEmptyWhenWhenScaledIsDelete() throws Exception {
        LocalStatefulSet c = cluster();
        Map<String, String> delete = Map.of("persistentVolumeClaimRetentionPolicy.whenScaled", "Delete");
        c.install("lab", with(delete, "replicaCount", "3"));
        visit(c, 2, 7);
        visit(c, 0, 4);
        c.upgrade(with(delete, "replicaCount", "1"));
        assertThat(c.claimDirectory("data", 2)).doesNotExist();
        c.upgrade(with(delete, "replicaCount", "3"));
        assertThat(count(c, 2)).isZero();
        assertThat(count(c, 0)).as("pod 0 was never scaled away").isEqualTo(4);
    }

    @Test
    void whenDeletedDeleteStartsEveryPodFromZero() throws Exception {
        LocalStatefulSet c = cluster();
        Map<String, String> delete = Map.of("persistentVolumeClaimRetentionPolicy.whenDeleted", "Delete");
        c.install("lab", with(delete, "replicaCount", "3"));
        visit(c, 0, 3);
        visit(c, 1, 5);
        visit(c, 2, 2);
        c.upgrade(with(delete, "replicaCount", "2"));
        assertThat(c.claimDirectory("data", 2))
                .as("whenScaled stays Retain: the scaled-away claim survives")
                .exists();
        c.uninstall();
        assertThat(c.claimDirectory("data", 2))
                .as("the StatefulSet owned the scaled-away claim too")
                .doesNotExist();
        c.install("lab", with(delete, "replicaCount", "3"));
        assertThat(count(c, 0)).isZero();
        assertThat(count(c, 1)).isZero();
        assertThat(count(c, 2)).isZero();
    }

    @Test
    void concurrentClientsAreCountedExactly() throws Exception {
        LocalStatefulSet c = cluster();
        c.install("lab", Map.of("replicaCount", "1"));
        URI root = c.pod(0).url("/");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            results.add(clients.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 250; i++) {
                    if (get(root) == 200) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int acknowledged = 0;
        for (Future<Integer> r : results) {
            acknowledged += r.get();
        }
        clients.shutdown();
        assertThat(acknowledged).isEqualTo(2_000);
        assertThat(count(c, 0)).isEqualTo(2_000);
    }

    @Test
    void aKilledPodLosesNoAcknowledgedVisitAndNeverTearsItsFile() throws Exception {
        LocalStatefulSet c = cluster();
        c.install("lab", Map.of("replicaCount", "1"));
        long previous = 0;
        for (int round = 1; round <= 20; round++) {
            URI root = c.pod(0).url("/");
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int client = 0; client < 4; client++) {
                clients.submit(() -> {
                    while (!stop.get()) {
                        sent.incrementAndGet();
                        try {
                            if (get(root) == 200) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException refused) {
                            // the pod is gone mid-request: sent, not acknowledged
                        }
                    }
                    return null;
                });
            }
            // Let some visits through, then pull the plug while requests are in flight.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.get() < 20 + round * 3) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("pod 0 acknowledged only " + acknowledged.get() + " visits in 30 s");
                }
                Thread.onSpinWait();
            }
            c.kill(0);
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            String file = Files.readString(c.claimDirectory("data", 0).resolve("visits"));
            assertThat(file).as("round %d: the count file is whole", round).matches("[0-9]+\n");
            c.restart(0);
            long now = count(c, 0);
            assertThat(now - previous)
                    .as("round %d: at least every acknowledged visit", round)
                    .isGreaterThanOrEqualTo(acknowledged.get());
            assertThat(now - previous)
                    .as("round %d: at most every sent visit", round)
                    .isLessThanOrEqualTo(sent.get());
            previous = now;
        }
    }

    @Test
    void orderedReadyStartsEachPodAfterThePreviousIsReady() throws Exception {
        LocalStatefulSet c = cluster();
        c.install(
                "lab",
                Map.of(
                        "replicaCount",
                        "3",
                        "podManagementPolicy",
                        "OrderedReady",
                        "updateStrategy.rollingUpdate.maxUnavailable",
                        ""));
        assertThat(c.events())
                .containsExactly(
                        "start lab-visit-counter-0", "ready lab-visit-counter-0",
                        "start lab-visit-counter-1", "ready lab-visit-counter-1",
                        "start lab-visit-counter-2", "ready lab-visit-counter-2");
    }

    @Test
    void parallelStartsEveryPodBeforeAnyIsReady() throws Exception {
        LocalStatefulSet c = cluster();
        c.install("lab", Map.of("replicaCount", "3"));
        assertThat(c.statefulSet().getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(c.events().subList(0, 3))
                .containsExactly("start lab-visit-counter-0", "start lab-visit-counter-1", "start lab-visit-counter-2");
        assertThat(c.events().subList(3, 6)).allMatch(e -> e.startsWith("ready "));
    }

    private void visit(LocalStatefulSet c, int ordinal, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(get(c.pod(ordinal).url("/"))).isEqualTo(200);
        }
    }

    private long count(LocalStatefulSet c, int ordinal) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(c.pod(ordinal).url("/visits")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(body).contains("\"hostname\":\"" + c.pod(ordinal).name() + "\"");
        Matcher m = VISITS.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }

    private int get(URI uri) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> map = new java.util.HashMap<>(base);
        map.put(key, value);
        return map;
    }
}
