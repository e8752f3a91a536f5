package io.statefulset.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a TCP proxy on loopback in front of a real registry that misbehaves on purpose. It
 * forwards bytes both ways until a client sends a request whose line starts with one of the
 * {@code stallOn} prefixes (e.g. {@code "PUT /v2/"}, a blob upload); from then on it holds that
 * connection open and forwards nothing more, the way a registry behind a broken load balancer
 * stalls. With {@link #dropping()} it accepts connections and closes them at once.
 */
public final class LoopbackProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final Thread acceptor;

    private LoopbackProxy(int upstreamPort, List<String> stallOn, boolean drop) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            sockets.add(client);
                            if (drop) {
                                client.close();
                                continue;
                            }
                            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                            sockets.add(upstream);
                            pump(upstream.getInputStream(), client.getOutputStream(), List.of());
                            pump(client.getInputStream(), upstream.getOutputStream(), stallOn);
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "loopback-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Forwards to {@code upstreamPort}, stalling every connection that sends a request starting so. */
    public static LoopbackProxy stallingOn(int upstreamPort, String... requestPrefixes) throws IOException {
        return new LoopbackProxy(upstreamPort, List.of(requestPrefixes), false);
    }

    /** Accepts connections and drops them without a byte. */
    public static LoopbackProxy dropping() throws IOException {
        return new LoopbackProxy(0, List.of(), true);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Waits, at most {@code seconds}, until a request was stalled. */
    public boolean awaitStall(long seconds) throws InterruptedException {
        return stalled.await(seconds, TimeUnit.SECONDS);
    }

    private void pump(InputStream from, OutputStream to, List<String> stallOn) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    boolean stalling = false;
                    try {
                        int n;
                        while ((n = from.read(buffer)) >= 0) {
                            if (!stalling
                                    && startsRequest(new String(buffer, 0, n, StandardCharsets.ISO_8859_1), stallOn)) {
                                stalling = true;
                                stalled.countDown();
                            }
                            if (!stalling) {
                                to.write(buffer, 0, n);
                                to.flush();
                            }
                        }
                    } catch (IOException e) {
                        // one side closed
                    }
                },
                "loopback-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static boolean startsRequest(String chunk, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (chunk.startsWith(prefix) || chunk.contains("\r\n" + prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
