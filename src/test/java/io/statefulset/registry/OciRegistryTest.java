package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.statefulset.registry.OciRegistry.Credentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credentials stay with the registry: not to a redirect target, not to a plain-HTTP token service elsewhere. */
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
                true,
                null,
                false,
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
}
