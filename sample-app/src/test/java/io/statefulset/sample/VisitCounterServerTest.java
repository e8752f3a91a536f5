package io.statefulset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitCounterServerTest {

    @TempDir
    Path dir;

    VisitCounterServer server;
    HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new VisitCounterServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                VisitStore.open(dir),
                "visit-counter-0 <&>");
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rootCountsAVisitAndVisitsOnlyReads() throws Exception {
        HttpResponse<String> first = get("/");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("<strong id=\"visits\">1</strong>"), first.body());
        assertTrue(first.body().contains("visit-counter-0 &lt;&amp;&gt;"), "hostname is escaped");
        get("/");
        assertEquals(
                "{\"hostname\":\"visit-counter-0 <&>\",\"visits\":2}\n",
                get("/visits").body());
        assertEquals(
                "{\"hostname\":\"visit-counter-0 <&>\",\"visits\":2}\n",
                get("/visits").body());
    }

    @Test
    void probesAnswer() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        assertEquals(200, get("/readyz").statusCode());
        assertEquals(404, get("/nope").statusCode());
        assertEquals(
                405,
                client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
        assertTrue(get("/visits").body().contains("\"visits\":0"), "probes and rejected methods count nothing");
    }

    @Test
    void concurrentRequestsAreCountedExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 25; i++) {
                    if (get("/").statusCode() == 200) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int acknowledged = 0;
        for (Future<Integer> f : futures) {
            acknowledged += f.get();
        }
        pool.shutdown();
        assertEquals(200, acknowledged);
        assertTrue(get("/visits").body().contains("\"visits\":200"));
        assertEquals(200, VisitStore.open(dir).count());
    }
}
