package io.statefulset.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.statefulset.chart.RefusedInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only code that calls Helm: real Helm, in-process through helm-java, no binary and no
 * network. Each call works on a chart directory and returns plain Java values.
 */
public final class HelmRunner {
    private static final String HOOK = "helm.sh/hook";
    private static final String HIDDEN_HOOK = "x-statefulset-hidden.helm.sh/hook";
    /** Guards Helm's per-user registry login file; a lock, not state. */
    private static final Object REGISTRY_LOGINS = new Object();

    /** {@code helm lint [--strict] <chart>}. */
    public LintReport lint(Path chart, boolean strict) throws HelmException {
        try {
            var command = new Helm(chart).lint();
            LintResult result = strict ? command.strict().call() : command.call();
            return new LintReport(result.getMessages(), result.isFailed());
        } catch (RuntimeException e) {
            throw new HelmException("helm lint failed on " + chart + ": " + e.getMessage(), e);
        }
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
        Path copy = null;
        try {
            copy = java.nio.file.Files.isRegularFile(chart)
                    ? HookRevealingCopy.ofArchive(chart, HIDDEN_HOOK)
                    : HookRevealingCopy.of(chart, HIDDEN_HOOK);
            TemplateRequest revealed =
                    request.withValuesFiles(HookRevealingCopy.valuesFiles(copy, request.valuesFiles(), HIDDEN_HOOK));
            return render(copy, revealed).replace(HIDDEN_HOOK, HOOK);
        } catch (RefusedInputException e) {
            // The chart or a values file is the user's to fix; the message says what and where.
            throw new HelmException(e.getMessage(), e);
        } catch (IOException e) {
            throw new HelmException("could not copy the chart " + chart + " for rendering: " + e.getMessage(), e);
        } finally {
            HookRevealingCopy.delete(copy);
        }
    }

    private String render(Path chart, TemplateRequest request) throws HelmException {
        try {
            TemplateCommand command =
                    new Helm(chart).template().withName(request.releaseName()).withNamespace(request.namespace());
            if (request.kubeVersion() != null) {
                command = command.withKubeVersion(request.kubeVersion());
            }
            for (Path file : request.valuesFiles()) {
                command = command.withValuesFile(file);
            }
            // Sorted, so that a key set twice in one stream behaves the same in every run.
            for (Map.Entry<String, String> entry : new TreeMap<>(request.set()).entrySet()) {
                command = command.set(entry.getKey(), entry.getValue());
            }
            return command.call();
        } catch (RuntimeException e) {
            throw new HelmException(cleanMessage(e.getMessage()), e);
        }
    }

    /**
     * The chart's NOTES.txt as {@code helm install} would print it for {@code request}: a client-only
     * dry-run install, which renders the notes without touching a cluster.
     */
    public String notes(Path chart, TemplateRequest request) throws HelmException {
        try {
            var install = new Helm(chart)
                    .install()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace())
                    .dryRun()
                    .clientOnly();
            if (request.kubeVersion() != null) {
                install = install.withKubeVersion(request.kubeVersion());
            }
            for (Path file : request.valuesFiles()) {
                install = install.withValuesFile(file);
            }
            for (Map.Entry<String, String> entry : new TreeMap<>(request.set()).entrySet()) {
                install = install.set(entry.getKey(), entry.getValue());
            }
            String output = install.call().getOutput();
            int start = output.indexOf("NOTES:\n");
            return start < 0 ? "" : output.substring(start + "NOTES:\n".length());
        } catch (RuntimeException e) {
            throw new HelmException(cleanMessage(e.getMessage()), e);
        }
    }

    /** How to reach a registry: plain HTTP, a CA file, or no certificate checks at all. */
    public record RegistryAccess(boolean plainHttp, Path caFile, boolean insecureSkipTlsVerify) {}

    /**
     * {@code helm registry login} (when credentials are given), {@code helm push}, {@code helm
     * registry logout}. Helm keeps registry logins in one file per user, so pushes in one JVM (a
     * parallel reactor) take turns: one module's logout must not cut off another's push.
     */
    public String push(Path archive, java.net.URI remote, String username, String password, RegistryAccess access)
            throws HelmException {
        String host = remote.getHost() + (remote.getPort() > 0 ? ":" + remote.getPort() : "");
        synchronized (REGISTRY_LOGINS) {
            boolean loggedIn = false;
            HelmRegistryConfig logins = null;
            try {
                if (username != null) {
                    logins = HelmRegistryConfig.save();
                    var login = Helm.registry()
                            .login()
                            .withHost(host)
                            .withUsername(username)
                            .withPassword(password);
                    if (access.plainHttp()) {
                        login = login.plainHttp();
                    }
                    if (access.caFile() != null) {
                        login = login.withCaFile(access.caFile());
                    }
                    if (access.insecureSkipTlsVerify()) {
                        login = login.insecureSkipTlsVerify();
                    }
                    login.call();
                    loggedIn = true;
                }
                var push = Helm.push().withChart(archive).withRemote(remote);
                if (access.plainHttp()) {
                    push = push.plainHttp();
                }
                if (access.caFile() != null) {
                    push = push.withCaFile(access.caFile());
                }
                if (access.insecureSkipTlsVerify()) {
                    push = push.insecureSkipTlsVerify();
                }
                return push.call();
            } catch (RuntimeException e) {
                throw new HelmException(
                        (loggedIn || username == null ? "helm push to " : "helm registry login to ") + host
                                + " failed: " + cleanMessage(e.getMessage()),
                        e);
            } catch (IOException e) {
                throw new HelmException("cannot read Helm's registry login file: " + e.getMessage(), e);
            } finally {
                if (logins != null) {
                    try {
                        // Not `helm registry logout`: that would also end a login the user made before.
                        logins.restore();
                    } catch (IOException e) {
                        // The push result stands; the login file keeps this push's login.
                    }
                }
            }
        }
    }

    /** Helm's advice to use --debug means nothing to a Maven user; the rest of the message is kept. */
    private static String cleanMessage(String message) {
        if (message == null) {
            return "helm template failed";
        }
        return message.replace("Use --debug flag to render out invalid YAML", "")
                .strip();
    }
}
