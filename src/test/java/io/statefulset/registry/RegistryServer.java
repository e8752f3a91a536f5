package io.statefulset.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a real OCI registry (Debian's docker-registry, Docker Distribution 2.8) on
 * loopback, optionally with htpasswd authentication. CI installs it with apt-get (see .ci/run).
 */
public final class RegistryServer implements AutoCloseable {
    static final String BINARY = "/usr/bin/docker-registry";

    private final Process process;
    private final int port;
    private final Path log;

    private RegistryServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a registry storing under {@code dir}; with a user and password it requires them (Basic auth). */
    public static RegistryServer start(Path dir, String user, String password) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(
                    BINARY + " is missing: install it with `apt-get install -y docker-registry apache2-utils`"
                            + " (.ci/run does)");
        }
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder(
                        "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ")
                .append(dir.resolve("data"))
                .append("\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:")
                .append(port)
                .append('\n');
        if (user != null) {
            Path htpasswd = dir.resolve("htpasswd");
            Process hash = new ProcessBuilder("htpasswd", "-Bbn", user, password)
                    .redirectErrorStream(true)
                    .start();
            String line = new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (hash.waitFor() != 0 || !line.startsWith(user + ":")) {
                throw new IllegalStateException("htpasswd failed (install apache2-utils): " + line);
            }
            Files.writeString(htpasswd, line + "\n");
            config.append("auth:\n  htpasswd:\n    realm: test-realm\n    path: ")
                    .append(htpasswd)
                    .append('\n');
        }
        Path configFile = Files.writeString(dir.resolve("config.yml"), config);
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder(BINARY, "serve", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RegistryServer server = new RegistryServer(process, port, log);
        server.awaitReady();
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code oci://127.0.0.1:<port>/charts}. */
    public URI chartsUrl() {
        return URI.create("oci://127.0.0.1:" + port + "/charts");
    }

    /** Polls /v2/ until the registry answers (200 open, 401 with auth), or fails after 20 s. */
    private void awaitReady() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
            }
            try {
                int status = client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.waitFor(100, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IllegalStateException(
                "docker-registry did not answer on port " + port + ": " + Files.readString(log));
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
