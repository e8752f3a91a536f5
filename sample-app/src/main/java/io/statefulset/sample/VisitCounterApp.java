package io.statefulset.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Runs the visit counter: {@code PORT} (default 8080), {@code DATA_DIR} (default {@code
 * /app/data}) and {@code HOSTNAME} (set by Kubernetes to the pod name) come from the environment.
 * SIGTERM stops it gracefully.
 */
public final class VisitCounterApp {
    /** Well inside Kubernetes' default 30 s between SIGTERM and SIGKILL. */
    static final int STOP_GRACE_SECONDS = 2;

    private VisitCounterApp() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(env("PORT", "8080"));
        Path dataDir = Path.of(env("DATA_DIR", "/app/data"));
        String hostname = env("HOSTNAME", "localhost");

        VisitStore store = VisitStore.open(dataDir);
        VisitCounterServer server = new VisitCounterServer(new InetSocketAddress(port), store, hostname);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(STOP_GRACE_SECONDS), "shutdown"));
        server.start();
        System.out.printf(
                "visit-counter %s listening on port %d, data in %s, %d visits so far%n",
                hostname, server.port(), dataDir, store.count());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
