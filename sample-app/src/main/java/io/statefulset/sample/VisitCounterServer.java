package io.statefulset.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP face of a {@link VisitStore}: {@code GET /} counts a visit and shows this pod's count,
 * {@code GET /visits} shows it as JSON without counting, {@code /healthz} and {@code /readyz} are
 * the probes.
 */
public final class VisitCounterServer {
    private final HttpServer server;
    private final ExecutorService executor;
    private final VisitStore store;
    private final String hostname;
    private final AtomicBoolean ready = new AtomicBoolean();

    public VisitCounterServer(InetSocketAddress address, VisitStore store, String hostname) throws IOException {
        this.store = store;
        this.hostname = hostname;
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
        ready.set(true);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops taking traffic at once (readiness fails), lets requests in flight finish for up to
     * {@code graceSeconds}, then stops.
     */
    public void stop(int graceSeconds) {
        ready.set(false);
        server.stop(graceSeconds);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "only GET\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> {
                    long count = store.increment();
                    send(exchange, 200, "text/html; charset=utf-8", page(count));
                }
                case "/visits" ->
                    send(
                            exchange,
                            200,
                            "application/json",
                            "{\"hostname\":\"" + json(hostname) + "\",\"visits\":" + store.count() + "}\n");
                case "/healthz" -> send(exchange, 200, "text/plain", "ok\n");
                case "/readyz" ->
                    send(exchange, ready.get() ? 200 : 503, "text/plain", ready.get() ? "ready\n" : "stopping\n");
                default -> send(exchange, 404, "text/plain", "not found\n");
            }
        } catch (IOException e) {
            // The visit was not stored, so it must not be acknowledged.
            send(exchange, 500, "text/plain", "could not store the visit: " + e.getMessage() + "\n");
        }
    }

    private String page(long count) {
        return "<!DOCTYPE html>\n<html><head><title>Visit counter</title></head><body>\n"
                + "<h1>Visit counter</h1>\n<p>Pod <code>" + html(hostname)
                + "</code> has been visited <strong id=\"visits\">"
                + count + "</strong> time" + (count == 1 ? "" : "s") + ".</p>\n</body></html>\n";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
