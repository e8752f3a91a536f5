package io.statefulset.helm;

import io.statefulset.chart.Deadline;
import io.statefulset.chart.Fingerprint;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.helm.WorkerProtocol.Request;
import io.statefulset.helm.WorkerProtocol.Response;
import io.statefulset.helm.WorkerProtocol.Status;
import io.statefulset.registry.RegistryAccess;
import io.statefulset.registry.RegistryMessages;
import io.statefulset.validate.ManifestReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only code that calls Helm: real Helm through helm-java, no binary and no network. Helm runs
 * in worker processes ({@link HelmWorkers}) so that every call has a deadline and a memory bound;
 * each call works on a chart directory and returns plain Java values.
 */
public final class HelmRunner {
    private static final String HOOK = "helm.sh/hook";
    private static final String HIDDEN_HOOK = "x-statefulset-hidden.helm.sh/hook";

    /** Rendered output above this is refused: {@link ManifestReader} would not read it anyway. */
    public static final long OUTPUT_LIMIT_BYTES = ManifestReader.MAX_STREAM_CHARS;

    /** The default of {@code <renderTimeout>}. */
    public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofSeconds(60);

    private final HelmWorkers workers;
    private final Duration renderTimeout;
    private final String renderSetting;

    /**
     * @param renderTimeout the deadline of each lint or render
     * @param renderSetting the setting that chose it, named in a timeout's message
     */
    public HelmRunner(HelmWorkers workers, Duration renderTimeout, String renderSetting) {
        this.workers = workers;
        this.renderTimeout = renderTimeout;
        this.renderSetting = renderSetting;
    }

    /** {@code helm lint [--strict] <chart>}. */
    public LintReport lint(Path chart, boolean strict) throws HelmException {
        Request request = Request.of("lint")
                .arg("chart", chart.toAbsolutePath())
                .arg("strict", strict)
                .build();
        String what = "lint the chart " + chart.getFileName();
        Response response = render(request, key(request, chart, List.of()), what);
        if (response.status() != Status.OK) {
            throw new HelmException("helm lint failed on " + chart + ": " + response.payload(), null);
        }
        String[] lines = response.payload().split("\n", -1);
        List<String> messages = Arrays.stream(lines, 1, lines.length)
                .filter(line -> !line.isEmpty())
                .toList();
        return new LintReport(messages, Boolean.parseBoolean(lines[0]));
    }

    /**
     * {@code helm template}: the rendered multi-document YAML stream, hooks and test pods included
     * as the Helm CLI prints them.
     *
     * <p>helm-java returns only the release manifest, without hooks. So the chart is rendered from a
     * copy whose templates spell the hook annotation {@value #HIDDEN_HOOK}; Helm then treats hooks
     * as ordinary manifests, and the annotation is restored in the output. Everything else is Helm's
     * own rendering. Hooks inside packaged ({@code .tgz}) subcharts are not shown.
     */
    public String template(Path chart, TemplateRequest request) throws HelmException {
        String what = "render the chart " + chart.getFileName();
        String key = Files.isDirectory(chart)
                ? key(withOptions(Request.of("template"), request).build(), chart, request.valuesFiles())
                : null;
        if (key != null) {
            Response cached = workers.cached(key);
            if (cached != null) {
                return output(cached);
            }
        }
        Path copy = null;
        try {
            copy = Files.isRegularFile(chart)
                    ? HookRevealingCopy.ofArchive(chart, HIDDEN_HOOK)
                    : HookRevealingCopy.of(chart, HIDDEN_HOOK);
            List<Path> values = HookRevealingCopy.valuesFiles(copy, request.valuesFiles(), HIDDEN_HOOK);
            Request.Builder builder = Request.of("template").arg("chart", copy);
            Request render =
                    withOptions(builder, request.withValuesFiles(values)).build();
            Response response = render(render, null, what);
            if (key != null) {
                workers.remember(key, response);
            }
            return output(response);
        } catch (RefusedInputException e) {
            // The chart or a values file is the user's to fix; the message says what and where.
            throw new HelmException(e.getMessage(), e);
        } catch (IOException e) {
            throw new HelmException("could not copy the chart " + chart + " for rendering: " + e.getMessage(), e);
        } finally {
            HookRevealingCopy.delete(copy);
        }
    }

    private static String output(Response response) throws HelmException {
        if (response.status() != Status.OK) {
            throw new HelmException(cleanMessage(response.payload()), null);
        }
        return response.payload().replace(HIDDEN_HOOK, HOOK);
    }

    /**
     * The chart's NOTES.txt as {@code helm install} would print it for {@code request}: a client-only
     * dry-run install, which renders the notes without touching a cluster.
     */
    public String notes(Path chart, TemplateRequest request) throws HelmException {
        Request notes = withOptions(Request.of("notes").arg("chart", chart.toAbsolutePath()), request)
                .build();
        Response response =
                render(notes, key(notes, chart, request.valuesFiles()), "render the notes of " + chart.getFileName());
        if (response.status() != Status.OK) {
            throw new HelmException(cleanMessage(response.payload()), null);
        }
        return response.payload();
    }

    /**
     * {@code helm package <chart>} into {@code destination}, an empty directory, within the render
     * deadline; returns the archive Helm wrote there. Which files a chart holds is Helm's decision
     * (its loader and {@code .helmignore} rules).
     */
    public Path packageChart(Path chart, Path destination) throws HelmException {
        Request request = Request.of("package")
                .arg("chart", chart.toAbsolutePath())
                .arg("destination", destination.toAbsolutePath())
                .build();
        Response response = render(request, null, "package the chart " + chart.getFileName());
        if (response.status() != Status.OK) {
            throw new HelmException("helm package refused " + chart + ": " + cleanMessage(response.payload()), null);
        }
        try (java.util.stream.Stream<Path> files = Files.list(destination)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().endsWith(".tgz"))
                    .toList();
            if (archives.size() != 1) {
                throw new HelmException(
                        "helm package wrote " + archives.size() + " archives into " + destination + ", not one", null);
            }
            return archives.get(0);
        } catch (IOException e) {
            throw new HelmException(
                    "cannot read what helm package wrote into " + destination + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code helm registry login} (when credentials are given) and {@code helm push}, in a worker of
     * their own whose Helm home is private: the login never reaches the user's registry config, and
     * the worker and its home are gone when this returns, however it returns. Without credentials,
     * Helm uses the user's own logins, as {@code helm push} would.
     */
    public String push(
            Path archive, URI remote, String username, String password, RegistryAccess access, Deadline deadline)
            throws HelmException {
        String host = remote.getHost() + (remote.getPort() > 0 ? ":" + remote.getPort() : "");
        Request request = Request.of("push")
                .arg("archive", archive.toAbsolutePath())
                .arg("remote", remote)
                .arg("host", host)
                .arg("username", username)
                .arg("password", username == null ? null : password)
                .arg("plainHttp", access.plainHttp())
                .arg("caFile", access.caFile() == null ? null : access.caFile().toAbsolutePath())
                .arg("insecureSkipTlsVerify", access.insecureSkipTlsVerify())
                .arg("timeoutMillis", deadline.remainingMillis())
                .build();
        Response response =
                workers.push(request, username != null, deadline, "push " + archive.getFileName() + " to " + remote);
        if (response.status() != Status.OK) {
            String message = cleanMessage(response.payload());
            boolean login = message.startsWith("login: ");
            throw new HelmException(
                    (login ? "helm registry login to " : "helm push to ") + host + " failed: "
                            + RegistryMessages.explain(
                                    login ? message.substring(7) : message, remote, access.plainHttp()),
                    null);
        }
        return response.payload();
    }

    private Response render(Request request, String cacheKey, String what) throws HelmException {
        Deadline deadline = Deadline.after(renderTimeout, renderSetting);
        Request timed = Request.of(request.op())
                .arg("timeoutMillis", renderTimeout.toMillis())
                .arg("outputLimit", OUTPUT_LIMIT_BYTES)
                .build();
        Request.Builder all = Request.of(request.op());
        timed.args().forEach(a -> all.arg(a.getKey(), a.getValue()));
        request.args().forEach(a -> all.arg(a.getKey(), a.getValue()));
        Response response = workers.render(all.build(), cacheKey, deadline, OUTPUT_LIMIT_BYTES, what);
        if (response.status() == Status.TOO_LARGE) {
            throw new HelmStoppedException(
                    "Helm's output when trying to " + what + " is " + response.payload() + " bytes, more than the "
                            + (OUTPUT_LIMIT_BYTES >> 20) + " MiB a chart may render to",
                    null);
        }
        return response;
    }

    private static Request.Builder withOptions(Request.Builder builder, TemplateRequest request) {
        builder.arg("release", request.releaseName())
                .arg("namespace", request.namespace())
                .arg("kubeVersion", request.kubeVersion());
        for (Path file : request.valuesFiles()) {
            builder.arg("values", file.toAbsolutePath());
        }
        // Sorted, so that a key set twice in one stream behaves the same in every run.
        for (Map.Entry<String, String> entry : new TreeMap<>(request.set()).entrySet()) {
            builder.arg("setKey", entry.getKey()).arg("setValue", entry.getValue());
        }
        return builder;
    }

    /**
     * What an answer depends on: the operation, its options, the chart's files and the values
     * files' contents; not where they lie, so that a chart checked in its staging directory and
     * validated at its final place is rendered once.
     */
    private static String key(Request request, Path chart, List<Path> valuesFiles) throws HelmException {
        try {
            Fingerprint key = Fingerprint.start().add("op", request.op());
            request.asMap().forEach((name, value) -> {
                if (!name.equals("chart") && !name.equals("values")) {
                    key.add(name, value);
                }
            });
            key.add("chartName", String.valueOf(chart.getFileName()));
            key.addTree("chart", chart);
            for (Path file : valuesFiles) {
                key.addTree("values", file);
            }
            return key.hex();
        } catch (RefusedInputException e) {
            // The chart or a values file is the user's to fix; the message says what and where.
            throw new HelmException(e.getMessage(), e);
        } catch (IOException e) {
            throw new HelmException("cannot read the chart " + chart + ": " + e.getMessage(), e);
        }
    }

    /** Helm's advice to use --debug means nothing to a Maven user; the rest of the message is kept. */
    static String cleanMessage(String message) {
        if (message == null || message.isBlank()) {
            return "helm failed without a message";
        }
        return message.replace("Use --debug flag to render out invalid YAML", "")
                .strip();
    }
}
