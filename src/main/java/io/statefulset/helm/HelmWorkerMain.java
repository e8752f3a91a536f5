package io.statefulset.helm;

import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.PackageCommand;
import com.marcnuri.helm.PushCommand;
import com.marcnuri.helm.RegistryCommand;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.VersionCommand;
import com.marcnuri.helm.jni.HelmLib;
import com.sun.jna.Native;
import io.statefulset.helm.WorkerProtocol.Request;
import io.statefulset.helm.WorkerProtocol.Response;
import io.statefulset.helm.WorkerProtocol.Status;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point of a Helm worker: a child JVM that runs Helm's Go code for the build. Helm's
 * native code cannot be interrupted inside the build's JVM; in a process of its own it can be
 * stopped at a deadline or a memory limit, and it keeps registry logins in a Helm home that is
 * not the user's.
 *
 * <p>Arguments: the build's process id, the Helm native library to load, the idle seconds after
 * which the worker ends by itself. Requests arrive on stdin, responses leave on stdout (see {@link
 * WorkerProtocol}); everything else the JVM or Helm prints goes to stderr.
 */
public final class HelmWorkerMain {
    /** Exit codes that tell the build why a worker ended by itself. */
    static final int EXIT_PARENT_GONE = 3;

    static final int EXIT_PAST_DEADLINE = 4;

    /** The worker's own deadline is the request's plus this, so that the build always acts first. */
    private static final long GRACE_MILLIS = 5_000;

    private final HelmLib helm;
    private volatile long busyUntil;
    private volatile long idleSince = System.currentTimeMillis();

    private HelmWorkerMain(HelmLib helm) {
        this.helm = helm;
    }

    public static void main(String[] args) throws IOException {
        // stdout carries frames only: whatever else is printed must not corrupt them.
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        InputStream requests = new FileInputStream(FileDescriptor.in);
        long parentPid = Long.parseLong(args[0]);
        long idleMillis = Long.parseLong(args[2]) * 1000;

        HelmLib helm;
        String version;
        try {
            helm = Native.load(Path.of(args[1]).toAbsolutePath().toString(), HelmLib.class);
            version = new VersionCommand(helm).call();
        } catch (RuntimeException | LinkageError e) {
            WorkerProtocol.write(protocol, new Response(Status.UNAVAILABLE, "cannot load Helm's native library: " + e));
            System.exit(1);
            return;
        }
        HelmWorkerMain worker = new HelmWorkerMain(helm);
        worker.watch(parentPid, idleMillis);
        WorkerProtocol.write(protocol, new Response(Status.OK, version == null ? "" : version.trim()));

        Request request;
        while ((request = WorkerProtocol.readRequest(requests)) != null) {
            long deadline = Long.parseLong(request.get("timeoutMillis"));
            worker.busyUntil = System.currentTimeMillis() + deadline + GRACE_MILLIS;
            Response response = worker.serve(request);
            worker.busyUntil = 0;
            worker.idleSince = System.currentTimeMillis();
            WorkerProtocol.write(protocol, response);
        }
        System.exit(0);
    }

    /**
     * Ends the worker when the build is gone (even a build killed with SIGKILL, which closes no
     * pipe while Helm is busy), when a request overruns its deadline, or after a long idle spell.
     */
    private void watch(long parentPid, long idleMillis) {
        Thread watchdog = new Thread(
                () -> {
                    while (true) {
                        long now = System.currentTimeMillis();
                        boolean parentAlive = ProcessHandle.of(parentPid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                        if (!parentAlive) {
                            Runtime.getRuntime().halt(EXIT_PARENT_GONE);
                        }
                        long until = busyUntil;
                        if (until != 0 && now > until) {
                            Runtime.getRuntime().halt(EXIT_PAST_DEADLINE);
                        }
                        if (until == 0 && now - idleSince > idleMillis) {
                            Runtime.getRuntime().halt(0);
                        }
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "helm-worker-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private Response serve(Request request) {
        try {
            return switch (request.op()) {
                case "lint" -> lint(request);
                case "template" -> bounded(request, template(request));
                case "notes" -> bounded(request, notes(request));
                case "package" -> packageChart(request);
                case "push" -> new Response(Status.OK, push(request));
                default -> new Response(Status.HELM_ERROR, "unknown operation " + request.op());
            };
        } catch (RuntimeException e) {
            return new Response(Status.HELM_ERROR, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (OutOfMemoryError e) {
            return new Response(Status.TOO_LARGE, "the output did not fit into the worker's memory");
        }
    }

    private Response lint(Request request) {
        LintCommand lint = new LintCommand(helm, Path.of(request.get("chart")));
        LintResult result =
                Boolean.parseBoolean(request.get("strict")) ? lint.strict().call() : lint.call();
        return new Response(Status.OK, result.isFailed() + "\n" + String.join("\n", result.getMessages()));
    }

    private String template(Request request) {
        TemplateCommand command = new TemplateCommand(helm, Path.of(request.get("chart")))
                .withName(request.get("release"))
                .withNamespace(request.get("namespace"));
        if (request.get("kubeVersion") != null) {
            command = command.withKubeVersion(request.get("kubeVersion"));
        }
        for (String file : request.all("values")) {
            command = command.withValuesFile(Path.of(file));
        }
        List<String> keys = request.all("setKey");
        List<String> values = request.all("setValue");
        for (int i = 0; i < keys.size(); i++) {
            command = command.set(keys.get(i), values.get(i));
        }
        return command.call();
    }

    /** A client-only dry-run install renders NOTES.txt without a cluster. */
    private String notes(Request request) {
        InstallCommand install = new InstallCommand(helm, Path.of(request.get("chart")))
                .withName(request.get("release"))
                .withNamespace(request.get("namespace"))
                .dryRun()
                .clientOnly();
        if (request.get("kubeVersion") != null) {
            install = install.withKubeVersion(request.get("kubeVersion"));
        }
        for (String file : request.all("values")) {
            install = install.withValuesFile(Path.of(file));
        }
        List<String> keys = request.all("setKey");
        List<String> values = request.all("setValue");
        for (int i = 0; i < keys.size(); i++) {
            install = install.set(keys.get(i), values.get(i));
        }
        String output = install.call().getOutput();
        int start = output.indexOf("NOTES:\n");
        return start < 0 ? "" : output.substring(start + "NOTES:\n".length());
    }

    /** {@code helm package}: the archive lands in the destination directory the build chose. */
    private Response packageChart(Request request) {
        new PackageCommand(helm, null, Path.of(request.get("chart")))
                .withDestination(Path.of(request.get("destination")))
                .call();
        return new Response(Status.OK, "");
    }

    /**
     * {@code helm registry login} when credentials are given, then {@code helm push}. The login
     * lands in this worker's private Helm home, which the build deletes; it is removed here too as
     * soon as the push is over.
     */
    private String push(Request request) {
        boolean plainHttp = Boolean.parseBoolean(request.get("plainHttp"));
        boolean insecure = Boolean.parseBoolean(request.get("insecureSkipTlsVerify"));
        String caFile = request.get("caFile");
        String username = request.get("username");
        try {
            if (username != null) {
                var login = new RegistryCommand(helm)
                        .login()
                        .withHost(request.get("host"))
                        .withUsername(username)
                        .withPassword(request.get("password"));
                if (plainHttp) {
                    login = login.plainHttp();
                }
                if (caFile != null) {
                    login = login.withCaFile(Path.of(caFile));
                }
                if (insecure) {
                    login = login.insecureSkipTlsVerify();
                }
                try {
                    login.call();
                } catch (RuntimeException e) {
                    throw new IllegalStateException("login: " + e.getMessage(), e);
                }
            }
            PushCommand push = new PushCommand(helm)
                    .withChart(Path.of(request.get("archive")))
                    .withRemote(URI.create(request.get("remote")));
            if (plainHttp) {
                push = push.plainHttp();
            }
            if (caFile != null) {
                push = push.withCaFile(Path.of(caFile));
            }
            if (insecure) {
                push = push.insecureSkipTlsVerify();
            }
            return push.call();
        } finally {
            String privateHome = request.get("privateConfigHome");
            if (privateHome != null) {
                try {
                    Files.deleteIfExists(Path.of(privateHome, "registry", "config.json"));
                } catch (IOException e) {
                    // The build deletes the whole private home as well.
                }
            }
        }
    }

    private static Response bounded(Request request, String output) {
        long limit = Long.parseLong(request.get("outputLimit"));
        long bytes = output.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limit) {
            return new Response(Status.TOO_LARGE, Long.toString(bytes));
        }
        return new Response(Status.OK, output);
    }
}
