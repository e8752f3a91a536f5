package io.statefulset.helm;

import com.marcnuri.helm.jni.NativeLibrary;
import io.statefulset.chart.Deadline;
import io.statefulset.helm.WorkerProtocol.Request;
import io.statefulset.helm.WorkerProtocol.Response;
import io.statefulset.helm.WorkerProtocol.Status;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Helm worker processes of one build: idle workers are reused, so the JVM start and the load of
 * Helm's native library are paid once rather than per call; a worker that was stopped at a limit is
 * replaced. Results of identical requests on identical charts (the same lint in {@code generate}
 * and {@code validate}) are answered from a small cache. A JVM shutdown hook (SIGTERM, Ctrl-C)
 * kills every worker and deletes every worker home, logins included.
 */
public final class HelmWorkers implements AutoCloseable {
    /** A worker whose memory passes this is stopped: no chart needs that much to render. */
    static final long MEMORY_LIMIT_BYTES = 1024L * 1024 * 1024;

    /** A worker left holding this much after a request is retired rather than kept. */
    private static final long RETIRE_ABOVE_BYTES = 512L * 1024 * 1024;

    /** Idle workers end on their own after this; the build stops using them well before. */
    private static final long WORKER_IDLE_SECONDS = 600;

    private static final long REUSE_IDLE_NANOS = TimeUnit.SECONDS.toNanos(300);
    private static final int CACHE_ENTRIES = 32;
    private static final long CACHE_BYTES = 64L * 1024 * 1024;

    private final Map<String, String> environment;
    private final Path temporary;
    private final long memoryLimitBytes;
    private final ClassLoader natives;
    private Path nativeCache;
    private final Deque<HelmWorker> idle = new ArrayDeque<>();
    private final Set<HelmWorker> running = new LinkedHashSet<>();
    private final LinkedHashMap<String, Response> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedBytes;
    private final java.util.concurrent.atomic.AtomicLong helmCalls = new java.util.concurrent.atomic.AtomicLong();
    private NativeLibrary nativeProvider;
    private Path nativeDirectory;
    private Path nativeLibrary;
    private boolean closed;
    private final Thread shutdownHook = new Thread(this::close, "helm-workers-shutdown");

    /** Workers that inherit the build's environment, with their homes in the temporary directory. */
    public HelmWorkers() {
        this(Map.of(), MEMORY_LIMIT_BYTES, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param environment added to each worker's environment (tests stand in for a user's Helm home
     *     this way)
     * @param memoryLimitBytes the resident memory at which a worker is stopped
     * @param temporary where worker homes and the native library copy are created
     */
    public HelmWorkers(Map<String, String> environment, long memoryLimitBytes, Path temporary) {
        this(environment, memoryLimitBytes, temporary, HelmWorkers.class.getClassLoader());
    }

    /** @param natives where Helm's native library is looked for (tests pass one that has none) */
    HelmWorkers(Map<String, String> environment, long memoryLimitBytes, Path temporary, ClassLoader natives) {
        this.environment = Map.copyOf(environment);
        this.memoryLimitBytes = memoryLimitBytes;
        this.temporary = temporary;
        this.natives = natives;
        loadShutdownClasses();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Fails at once, before any chart is touched, when Helm cannot run on this machine: no native
     * library for this platform on the classpath. The message names the platform, the supported
     * ones and what to do.
     */
    public synchronized void requireNative() throws HelmUnavailableException {
        if (nativeProvider == null) {
            nativeProvider = HelmNatives.find(natives);
        }
    }

    /**
     * Keeps Helm's native library unpacked in the local Maven repository for later builds to reuse
     * (see {@link NativeLibraryCache}) rather than copying it for this build alone.
     */
    public synchronized HelmWorkers cacheNativeIn(Path localRepository) {
        this.nativeCache = localRepository;
        return this;
    }

    /**
     * Runs a render-type request (lint, template, notes) on a pooled worker with a private Helm home.
     * With a {@code cacheKey}, an identical earlier answer is returned without asking Helm again.
     */
    Response render(Request request, String cacheKey, Deadline deadline, long outputLimit, String what)
            throws HelmException {
        if (cacheKey != null) {
            Response cached = cached(cacheKey);
            if (cached != null) {
                return cached;
            }
        }
        HelmWorker worker = acquire(deadline, what);
        helmCalls.incrementAndGet();
        Response response;
        try {
            response = worker.call(request, deadline, outputLimit, memoryLimitBytes, what);
        } catch (HelmException e) {
            forget(worker);
            throw e;
        }
        if (response.status() == Status.TOO_LARGE) {
            // The worker built an output far above the limit: whatever it holds now is not worth keeping.
            forget(worker);
            worker.close();
        } else {
            release(worker);
        }
        if (cacheKey != null && (response.status() == Status.OK || response.status() == Status.HELM_ERROR)) {
            remember(cacheKey, response);
        }
        return response;
    }

    /**
     * Runs a push on a worker of its own, ended afterwards. With {@code privateLogins} a login lands
     * in that worker's home, never in the user's; without, Helm reads the user's logins and writes
     * none.
     */
    Response push(Request request, boolean privateLogins, Deadline deadline, String what) throws HelmException {
        HelmWorker worker = start(privateLogins, deadline, what);
        try {
            return worker.call(request, deadline, 1024 * 1024, memoryLimitBytes, what);
        } finally {
            forget(worker);
            worker.close();
        }
    }

    /** How many requests reached a Helm worker (rather than the cache): what the render cache saves. */
    long helmCalls() {
        return helmCalls.get();
    }

    synchronized Response cached(String key) {
        return cache.get(key);
    }

    synchronized void remember(String key, Response response) {
        long size = response.payload().length();
        if (size > CACHE_BYTES / 4) {
            return;
        }
        Response previous = cache.put(key, response);
        cachedBytes += size - (previous == null ? 0 : previous.payload().length());
        Iterator<Map.Entry<String, Response>> eldest = cache.entrySet().iterator();
        while ((cache.size() > CACHE_ENTRIES || cachedBytes > CACHE_BYTES) && eldest.hasNext()) {
            cachedBytes -= eldest.next().getValue().payload().length();
            eldest.remove();
        }
    }

    private HelmWorker acquire(Deadline deadline, String what) throws HelmException {
        synchronized (this) {
            while (!idle.isEmpty()) {
                HelmWorker worker = idle.pop();
                if (worker.isAlive() && worker.idleNanos() < REUSE_IDLE_NANOS) {
                    return worker;
                }
                running.remove(worker);
                worker.close();
            }
        }
        return start(true, deadline, what);
    }

    private HelmWorker start(boolean privateLogins, Deadline deadline, String what) throws HelmException {
        HelmWorker.Launch launch;
        synchronized (this) {
            if (closed) {
                throw new HelmException("the build is ending; Helm was not started to " + what, null);
            }
            launch = new HelmWorker.Launch(
                    javaExecutable(),
                    classpath(),
                    nativeLibrary(),
                    environment,
                    memoryLimitBytes,
                    WORKER_IDLE_SECONDS,
                    temporary);
        }
        HelmWorker worker = HelmWorker.start(launch, privateLogins, deadline);
        synchronized (this) {
            if (closed) {
                worker.close();
                throw new HelmException("the build is ending; Helm was not started to " + what, null);
            }
            running.add(worker);
        }
        return worker;
    }

    private void release(HelmWorker worker) {
        long resident = worker.residentBytes();
        synchronized (this) {
            if (!closed && worker.isAlive() && resident <= RETIRE_ABOVE_BYTES) {
                idle.push(worker);
                return;
            }
            running.remove(worker);
        }
        worker.close();
    }

    private synchronized void forget(HelmWorker worker) {
        running.remove(worker);
        idle.remove(worker);
    }

    /** Stops every worker and deletes every worker home and the native library copy. */
    @Override
    public void close() {
        List<HelmWorker> workers;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            workers = new ArrayList<>(running);
            running.clear();
            idle.clear();
            cache.clear();
        }
        try {
            for (HelmWorker worker : workers) {
                worker.close();
            }
        } finally {
            // The native copy is 100 MB: it goes even if closing a worker went wrong.
            HelmWorker.deleteTree(nativeDirectory);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /**
     * Loads now what {@link #close()} needs. Maven closes the plugin's class loader before the JVM
     * runs shutdown hooks, so a class first needed there cannot be found, and the worker homes and
     * the 100 MB native copy would stay behind after every build.
     */
    private static void loadShutdownClasses() {
        ClassLoader own = HelmWorkers.class.getClassLoader();
        for (Class<?> needed : List.of(HelmWorker.class, HelmWorker.TreeDeleter.class)) {
            try {
                Class.forName(needed.getName(), true, own);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Helm's native library for this platform, unpacked from the helm-java jar on the classpath
     * (see {@link NativeLibraryCache}). Never downloaded: where the classpath has none for this
     * platform, the build fails at once and says so.
     */
    private Path nativeLibrary() throws HelmException {
        if (nativeLibrary != null) {
            return nativeLibrary;
        }
        requireNative();
        NativeLibraryCache.Unpacked unpacked = NativeLibraryCache.unpack(nativeProvider, nativeCache, temporary);
        // A copy of this build's own goes with the build; the shared one stays for the next.
        nativeDirectory = unpacked.shared() ? null : unpacked.library().getParent();
        nativeLibrary = unpacked.library();
        return nativeLibrary;
    }

    private static Path javaExecutable() {
        boolean windows =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * The classpath this code was loaded from: the plugin's own jars inside Maven (a URL class
     * loader), the JVM's classpath elsewhere (tests, command-line tools).
     */
    private static List<Path> classpath() {
        Set<Path> entries = new LinkedHashSet<>();
        if (HelmWorkers.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    try {
                        entries.add(Path.of(url.toURI()));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a local file: the worker cannot use it either
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
        }
        return new ArrayList<>(entries);
    }
}
