package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Test support: the hostile contents of a chart directory, made for real (links with the file
 * system, FIFOs with {@code mkfifo}, sockets by binding one), and a minimal chart to put them in.
 */
public final class SpecialFiles {
    /** A line of /etc/passwd that no chart file holds, to prove the file was not read. */
    public static final String PASSWD_LINE = "root:x:0:0:";

    private SpecialFiles() {}

    /** A chart directory Helm accepts: Chart.yaml and one ConfigMap template. */
    public static Path chart(Path parent, String name) throws IOException {
        Path chart = parent.resolve(name);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), "greeting: hello\n");
        Files.writeString(
                chart.resolve("templates/configmap.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n"
                        + "data:\n  greeting: {{ .Values.greeting | quote }}\n");
        return chart;
    }

    /** {@code link} -> {@code target}, written as given (relative targets stay relative). */
    public static Path link(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }

    /** A FIFO made by {@code mkfifo}. */
    public static Path fifo(Path path) throws Exception {
        Files.createDirectories(path.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mkfifo.waitFor()).as("mkfifo: " + output).isZero();
        return path;
    }

    /** A Unix domain socket file, bound (and so created) by a real server socket. */
    public static ServerSocketChannel socket(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        return channel;
    }

    /** The mode a file created now gets, which the process umask decides. */
    public static Set<PosixFilePermission> newFileMode(Path directory) throws IOException {
        Path probe = Files.createFile(directory.resolve("umask-probe-" + System.nanoTime()));
        try {
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.delete(probe);
        }
    }

    /**
     * A writer waiting on a FIFO. Code under test that opened the FIFO would meet this writer and
     * read an empty file instead of blocking the test forever. {@link #close()} releases the writer
     * by opening the FIFO for reading and writing at once, which on Linux never blocks.
     */
    public static final class FifoWriter implements AutoCloseable {
        private final Path fifo;
        private final Thread thread;

        public FifoWriter(Path fifo) {
            this.fifo = fifo;
            this.thread = new Thread(
                    () -> {
                        try (OutputStream out = Files.newOutputStream(fifo)) {
                            out.flush();
                        } catch (IOException e) {
                            // the reader went away; nothing to write anyway
                        }
                    },
                    "fifo-writer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            // Held open until the writer is done: while a reader is there, its open cannot block.
            try (var both = Files.newByteChannel(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                thread.join();
            }
        }
    }
}
