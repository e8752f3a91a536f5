package io.statefulset.helm;

import io.statefulset.chart.Deadline;
import io.statefulset.helm.WorkerProtocol.Request;
import io.statefulset.helm.WorkerProtocol.Response;
import io.statefulset.helm.WorkerProtocol.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Helm worker process, seen from the build: it is started with a private Helm home, asked one
 * request at a time, and killed the moment a request passes its deadline or the process passes its
 * memory limit. Its home (temporary files, logins, caches, the argument file) is deleted with it.
 */
final class HelmWorker {
    /** How often a waiting request looks at the clock and at the worker's memory. */
    private static final long POLL_MILLIS = 20;

    private final Process process;
    private final Path home;
    private final OutputStream requests;
    private final InputStream responses;
    private final StderrTail stderr;
    private String version;
    private volatile long lastUsed = System.nanoTime();

    private HelmWorker(Process process, Path home, OutputStream requests, InputStream responses, StderrTail stderr) {
        this.process = process;
        this.home = home;
        this.requests = requests;
        this.responses = responses;
        this.stderr = stderr;
    }

    /** What a worker is started with; {@code environment} is added to the build's own. */
    record Launch(
            Path java,
            List<Path> classpath,
            Path nativeLibrary,
            Map<String, String> environment,
            long memoryLimitBytes,
            long idleSeconds,
            Path temporary) {}

    /**
     * Starts a worker and waits, at most until {@code deadline}, for it to load Helm. With {@code
     * privateConfigHome} Helm keeps logins in the worker's own home; without it Helm reads the
     * user's registry logins the way the helm CLI would, and writes none.
     */
    static HelmWorker start(Launch launch, boolean privateConfigHome, Deadline deadline) throws HelmException {
        Path home = null;
        Process process = null;
        try {
            home = Files.createTempDirectory(launch.temporary(), "statefulset-helm-");
            for (String dir : List.of("tmp", "config", "cache", "data")) {
                Files.createDirectories(home.resolve(dir));
            }
            Path argFile = home.resolve("worker.args");
            Files.writeString(argFile, argFile(launch, home), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(launch.java().toString(), "@" + argFile);
            Map<String, String> env = builder.environment();
            // Tests stand in for the user's environment here; a build passes nothing.
            env.putAll(launch.environment());
            if (privateConfigHome) {
                env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
            }
            env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
            env.put("HELM_DATA_HOME", home.resolve("data").toString());
            // Go's collector works harder before the limit at which the build stops the worker.
            env.put("GOMEMLIMIT", (launch.memoryLimitBytes() * 3 / 4 / (1024 * 1024)) + "MiB");
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
            builder.redirectError(ProcessBuilder.Redirect.PIPE);
            process = builder.start();
            StderrTail stderr = StderrTail.drain(process.getErrorStream());
            HelmWorker worker =
                    new HelmWorker(process, home, process.getOutputStream(), process.getInputStream(), stderr);
            Response ready = worker.await(
                    () -> WorkerProtocol.readResponse(worker.responses, 64 * 1024),
                    deadline,
                    launch.memoryLimitBytes(),
                    "start Helm");
            if (ready.status() == Status.UNAVAILABLE) {
                worker.close();
                throw new HelmUnavailableException(ready.payload() + HelmNatives.loadFailureHint());
            }
            worker.version = ready.payload();
            return worker;
        } catch (IOException e) {
            destroy(process, home);
            throw new HelmException("cannot start a Helm worker process: " + e.getMessage(), e);
        } catch (HelmException e) {
            destroy(process, home);
            throw e;
        }
    }

    /**
     * JVM options and classpath in an argument file: a classpath of many jars would pass the command
     * line limit of some systems. Paths are quoted, backslashes escaped, as the java launcher expects.
     */
    private static String argFile(Launch launch, Path home) {
        StringBuilder classpath = new StringBuilder();
        for (Path entry : launch.classpath()) {
            if (classpath.length() > 0) {
                classpath.append(java.io.File.pathSeparatorChar);
            }
            classpath.append(entry);
        }
        return String.join(
                "\n",
                "-Xmx256m",
                "-Xss4m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                quote("-Djava.io.tmpdir=" + home.resolve("tmp")),
                // helm-java would otherwise download a native from the network when none is on the classpath.
                "-Dcom.marcnuri.jkube-helm.skipRemoteJar=true",
                "-cp",
                quote(classpath.toString()),
                HelmWorkerMain.class.getName(),
                Long.toString(ProcessHandle.current().pid()),
                quote(launch.nativeLibrary().toString()),
                Long.toString(launch.idleSeconds()),
                "");
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    String version() {
        return version;
    }

    long idleNanos() {
        return System.nanoTime() - lastUsed;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The worker's resident memory in bytes, or -1 where the platform does not tell. */
    long residentBytes() {
        return MemoryProbe.residentBytes(process.pid());
    }

    /**
     * Sends {@code request} and waits for the answer, at most until {@code deadline}. A deadline
     * passed, memory above {@code memoryLimit}, or an answer above {@code outputLimit} bytes kills
     * the worker; the caller must not use it again.
     */
    Response call(Request request, Deadline deadline, long outputLimit, long memoryLimit, String what)
            throws HelmException {
        lastUsed = System.nanoTime();
        try {
            WorkerProtocol.write(requests, request);
        } catch (IOException e) {
            close();
            throw new HelmStoppedException(
                    "the Helm worker ended before it took the request to " + what + stderr.describe(), e);
        }
        Response response =
                await(() -> WorkerProtocol.readResponse(responses, outputLimit + 1024), deadline, memoryLimit, what);
        lastUsed = System.nanoTime();
        return response;
    }

    private Response await(Callable<Response> read, Deadline deadline, long memoryLimit, String what)
            throws HelmException {
        FutureTask<Response> task = new FutureTask<>(read);
        Thread reader = new Thread(task, "helm-worker-reader");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            try {
                return task.get(Math.min(POLL_MILLIS, Math.max(1, deadline.remainingMillis())), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (deadline.expired()) {
                    close();
                    throw new HelmTimeoutException(what, deadline);
                }
                long resident = residentBytes();
                if (resident > memoryLimit) {
                    close();
                    throw new HelmStoppedException(
                            "Helm used more than " + (memoryLimit >> 20) + " MiB of memory trying to " + what
                                    + " (" + (resident >> 20) + " MiB when it was stopped): the output is larger"
                                    + " than any chart's should be, or a template loops",
                            null);
                }
            } catch (ExecutionException e) {
                close();
                Throwable cause = e.getCause();
                if (cause instanceof WorkerProtocol.FrameTooLargeException tooLarge) {
                    throw new HelmStoppedException(
                            "the Helm output of " + what + " is " + tooLarge.length + " bytes, more than the limit",
                            tooLarge);
                }
                throw new HelmStoppedException(
                        "the Helm worker ended while trying to " + what + exitDescription() + stderr.describe(), cause);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new HelmStoppedException("interrupted while Helm was trying to " + what, e);
            }
        }
    }

    private String exitDescription() {
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return switch (process.exitValue()) {
                    case HelmWorkerMain.EXIT_PAST_DEADLINE -> " (it passed its own deadline)";
                    case HelmWorkerMain.EXIT_PARENT_GONE -> " (it lost the build)";
                    default -> " (exit code " + process.exitValue() + ")";
                };
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** Kills the process (if still running) and deletes its home. Idempotent. */
    void close() {
        destroy(process, home);
    }

    private static void destroy(Process process, Path home) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                // The home can only be deleted once the process has let go of its files (Windows).
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteTree(home);
    }

    /**
     * Deletes a worker home. The build thread and the shutdown hook may both be at it at once (a
     * SIGTERM during a call), so a file the other has already removed is not an error.
     */
    static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new TreeDeleter());
        } catch (java.nio.file.NoSuchFileException gone) {
            // deleted by the other thread
        } catch (IOException e) {
            // Nothing more to do: the home holds no running process any more.
        }
    }

    /**
     * Deletes what it visits. A named class, so that {@link HelmWorkers} can load it up front: the
     * shutdown hook runs after Maven has closed the plugin's class loader, when no class of the
     * plugin can be loaded any more.
     */
    static final class TreeDeleter extends java.nio.file.SimpleFileVisitor<Path> {
        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                throws IOException {
            Files.deleteIfExists(file);
            return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
            return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult postVisitDirectory(Path directory, IOException e) {
            try {
                Files.deleteIfExists(directory);
            } catch (IOException notEmptyYet) {
                // the other thread is still emptying it, and deletes it after
            }
            return java.nio.file.FileVisitResult.CONTINUE;
        }
    }

    /** The last few kilobytes a worker wrote to stderr: a crashed Go runtime explains itself there. */
    static final class StderrTail {
        private static final int KEEP = 8 * 1024;
        private final StringBuilder tail = new StringBuilder();

        static StderrTail drain(InputStream stderr) {
            StderrTail sink = new StderrTail();
            Thread drain = new Thread(
                    () -> {
                        byte[] buffer = new byte[4096];
                        try (stderr) {
                            int n;
                            while ((n = stderr.read(buffer)) >= 0) {
                                sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            }
                        } catch (IOException e) {
                            // the worker is gone
                        }
                    },
                    "helm-worker-stderr");
            drain.setDaemon(true);
            drain.start();
            return sink;
        }

        private synchronized void append(String text) {
            tail.append(text);
            if (tail.length() > KEEP) {
                tail.delete(0, tail.length() - KEEP);
            }
        }

        synchronized String describe() {
            String text = tail.toString().strip();
            if (text.isEmpty()) {
                return "";
            }
            String[] lines = text.split("\n");
            return "; it said: "
                    + String.join(
                            " | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
        }
    }
}
