package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.statefulset.registry.OciRegistry.Credentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real docker-registry cannot show: credentials stay with the registry (not to a redirect
 * target), tag lists that come in pages, and chart layers that do not match their manifest.
 */
class OciRegistryTest {
    HttpServer registry;
    HttpServer storage;
    final List<String> storageAuthorization = new ArrayList<>();

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop(0);
        }
        if (storage != null) {
            storage.stop(0);
        }
    }

    @Test
    void aRedirectToAnotherHostDoesNotCarryTheCredentials() throws Exception {
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/", exchange -> {
            storageAuthorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "blob".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        storage.start();
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/", exchange -> {
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                // "localhost" is another origin than "127.0.0.1", as a CDN host would be.
                exchange.getResponseHeaders()
                        .add(
                                "Location",
                                "http://localhost:" + storage.getAddress().getPort() + "/blob");
                exchange.sendResponseHeaders(307, -1);
            }
            exchange.close();
        });
        registry.start();

        OciRegistry oci = new OciRegistry(
                URI.create("oci://127.0.0.1:" + registry.getAddress().getPort() + "/charts"),
                new Credentials("ci", "s3cret"),
                "<pushServerId>",
                new RegistryAccess(true, null, false),
                io.statefulset.chart.Deadline.after(java.time.Duration.ofSeconds(30), "<pushTimeout>"));
        assertThat(new String(oci.blob("web", "sha256:abc"), StandardCharsets.UTF_8))
                .isEqualTo("blob");
        assertThat(storageAuthorization).containsExactly("null");
    }

    @Test
    void credentialsAreNeverPrinted() {
        assertThat(new Credentials("ci", "s3cret").toString())
                .doesNotContain("s3cret")
                .contains("ci");
    }

    @Test
    void tagsAreReadPageByPage() throws Exception {
        List<String> queries = new ArrayList<>();
        registry = serve(exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query);
            if (query.contains("last=")) {
                respond(exchange, 200, "{\"name\":\"charts/web\",\"tags\":[\"1.1.0\"]}");
            } else {
                exchange.getResponseHeaders().add("Link", "</v2/charts/web/tags/list?n=2&last=1.0.0>; rel=\"next\"");
                respond(exchange, 200, "{\"name\":\"charts/web\",\"tags\":[\"0.9.0\",\"1.0.0\"]}");
            }
        });
        assertThat(oci().tags("web")).containsExactly("0.9.0", "1.0.0", "1.1.0");
        assertThat(queries).containsExactly("n=1000", "n=2&last=1.0.0");
    }

    @Test
    void aTagListThatNeverEndsIsGivenUpOn() throws Exception {
        List<String> pages = new ArrayList<>();
        registry = serve(exchange -> {
            pages.add(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders()
                    .add("Link", "</v2/charts/web/tags/list?n=1&last=" + pages.size() + ">; rel=\"next\"");
            respond(exchange, 200, "{\"tags\":[\"" + pages.size() + ".0.0\"]}");
        });
        assertThatThrownBy(() -> oci().tags("web"))
                .hasMessageContaining("more than " + OciRegistry.MAX_TAG_PAGES + " pages of tags of charts/web");
        assertThat(pages).hasSize(OciRegistry.MAX_TAG_PAGES);
    }

    @Test
    void aNextPageOnAnotherHostIsRefused() throws Exception {
        registry = serve(exchange -> {
            exchange.getResponseHeaders()
                    .add("Link", "<http://localhost:1/v2/charts/web/tags/list?last=a>; rel=\"next\"");
            respond(exchange, 200, "{\"tags\":[\"1.0.0\"]}");
        });
        assertThatThrownBy(() -> oci().tags("web"))
                .hasMessageContaining("sent the next page of a list to http://localhost:1");
    }

    @Test
    void aChartLayerThatDoesNotMatchItsDigestIsRefused(@TempDir Path dir) throws Exception {
        byte[] pushed = "the chart that was pushed".getBytes(StandardCharsets.UTF_8);
        registry = chartRegistry(ChartPuller.CHART_LAYER, pushed.length, sha256(pushed), "a chart swapped on the way");
        assertThatThrownBy(() -> new ChartPuller(oci()).pull(ChartReference.parse(url() + "/web:1.0.0"), dir))
                .hasMessageContaining("the chart layer of charts/web:1.0.0 does not match its manifest")
                .hasMessageContaining(sha256(pushed));
        assertThat(dir.resolve("web-1.0.0.tgz")).doesNotExist();
    }

    @Test
    void aChartLayerAboveTheLimitIsNotDownloaded(@TempDir Path dir) throws Exception {
        registry = chartRegistry(ChartPuller.CHART_LAYER, OciRegistry.MAX_BLOB_BYTES + 1, sha256(new byte[0]), "");
        assertThatThrownBy(() -> new ChartPuller(oci()).pull(ChartReference.parse(url() + "/web:1.0.0"), dir))
                .hasMessageContaining("is " + (OciRegistry.MAX_BLOB_BYTES + 1) + " bytes")
                .hasMessageContaining("not downloaded");
        assertThat(blobRequests).isZero();
    }

    @Test
    void anImageIsNoChart(@TempDir Path dir) throws Exception {
        registry = chartRegistry("application/vnd.oci.image.layer.v1.tar+gzip", 4, sha256(new byte[4]), "");
        assertThatThrownBy(() -> new ChartPuller(oci()).pull(ChartReference.parse(url() + "/web:1.0.0"), dir))
                .hasMessageContaining(
                        "charts/web:1.0.0 holds no Helm chart (no layer of type " + ChartPuller.CHART_LAYER + ")");
    }

    private int blobRequests;

    /** A registry with one manifest, charts/web:1.0.0, whose one layer is described by the arguments. */
    private HttpServer chartRegistry(String mediaType, long size, String digest, String blob) throws Exception {
        return serve(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v2/charts/web/manifests/1.0.0")) {
                respond(
                        exchange,
                        200,
                        "{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest
                                + "\",\"size\":" + size + "}]}");
            } else if (path.startsWith("/v2/charts/web/blobs/")) {
                blobRequests++;
                respond(exchange, 200, blob);
            } else {
                respond(exchange, 404, "{}");
            }
        });
    }

    private static HttpServer serve(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private String url() {
        return "oci://127.0.0.1:" + registry.getAddress().getPort() + "/charts";
    }

    private OciRegistry oci() throws Exception {
        return new OciRegistry(
                URI.create(url()),
                null,
                "<previousChartServerId>",
                new RegistryAccess(true, null, false),
                io.statefulset.chart.Deadline.after(java.time.Duration.ofSeconds(30), "<pullTimeout>"));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:"
                + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(bytes));
    }
}
