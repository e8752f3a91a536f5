package io.statefulset.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulset.chart.Deadline;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an OCI registry over the Distribution HTTP API: whether a chart version is there, its
 * manifest, its blobs and the tags of a chart. Helm does the pushing; this answers "is 1.0.0
 * already pushed?" before a push and pulls the previous release for {@code validate} ({@link
 * ChartPuller}). Handles anonymous access, Basic auth (htpasswd) and the Bearer token flow
 * registries such as GHCR use. Every call ends by the deadline the registry was opened with, and
 * every body is read only up to a limit.
 */
public final class OciRegistry {
    static final String MANIFEST_TYPES =
            "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern NEXT_PAGE = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Manifests and token answers are a few kilobytes. */
    static final long MAX_DOCUMENT_BYTES = 4L * 1024 * 1024;
    /** A chart archive as the packager accepts it. */
    public static final long MAX_BLOB_BYTES = 64L * 1024 * 1024;

    /** Tags asked for per page of the tag list, and the pages read at most (100,000 tags). */
    static final int TAG_PAGE_SIZE = 1000;

    static final int MAX_TAG_PAGES = 100;

    /**
     * A username and password; never logged. From a settings.xml {@code <server>}, or, with {@code
     * helmConfig}, from the login file of Helm's own ({@link HelmRegistryLogins}).
     */
    public record Credentials(String username, String password, Path helmConfig) {
        /** Credentials from a settings.xml {@code <server>}. */
        public Credentials(String username, String password) {
            this(username, password, null);
        }

        @Override
        public String toString() {
            return "Credentials[" + username + ", ****" + (helmConfig == null ? "" : ", from " + helmConfig) + "]";
        }
    }

    private final String base;
    private final String host;
    private final String path;
    private final Credentials credentials;
    private final String loginSetting;
    private final HttpClient http;
    private final boolean plainHttp;
    private final Deadline deadline;

    /**
     * @param url {@code oci://host[:port][/path]}; charts live at {@code <path>/<chart name>}
     * @param credentials how to log in, or {@code null} for anonymous calls
     * @param loginSetting the setting that names a login, e.g. {@code <pushServerId>}, for messages
     * @param deadline every call of this registry ends by then
     */
    public OciRegistry(URI url, Credentials credentials, String loginSetting, RegistryAccess access, Deadline deadline)
            throws IOException {
        if (!"oci".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an oci://host[:port]/path URL");
        }
        this.plainHttp = access.plainHttp();
        this.host = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        this.base = (plainHttp ? "http://" : "https://") + host;
        this.path = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
        this.credentials = credentials;
        this.loginSetting = loginSetting;
        this.deadline = deadline;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(min(deadline.remaining(), Duration.ofSeconds(20)))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!plainHttp && (access.caFile() != null || access.insecureSkipTlsVerify())) {
            builder.sslContext(access.sslContext());
        }
        this.http = builder.build();
    }

    /** {@code http[s]://host[:port]}: where the calls go. */
    public String baseUrl() {
        return base;
    }

    /** The manifest digest of {@code chart:tag}, or empty if the registry has no such tag. */
    public Optional<String> manifestDigest(String chart, String tag) throws IOException {
        HttpResponse<byte[]> response =
                send("HEAD", "/v2/" + repository(chart) + "/manifests/" + tag(tag), MANIFEST_TYPES, chart, 0);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        ensureOk(response, repository(chart) + ":" + tag);
        return response.headers().firstValue("Docker-Content-Digest").or(() -> Optional.of("present"));
    }

    /** The manifest of {@code chart:tag} as JSON. */
    public JsonNode manifest(String chart, String tag) throws IOException {
        HttpResponse<byte[]> response = send(
                "GET",
                "/v2/" + repository(chart) + "/manifests/" + tag(tag),
                MANIFEST_TYPES,
                chart,
                MAX_DOCUMENT_BYTES);
        ensureOk(response, repository(chart) + ":" + tag);
        return JSON.readTree(response.body());
    }

    /** A blob of {@code chart} by digest. */
    public byte[] blob(String chart, String digest) throws IOException {
        HttpResponse<byte[]> response =
                send("GET", "/v2/" + repository(chart) + "/blobs/" + digest, "*/*", chart, MAX_BLOB_BYTES);
        ensureOk(response, repository(chart) + "@" + digest);
        return response.body();
    }

    /**
     * Every tag of {@code chart}, page by page as the registry hands them out ({@code Link: <…>;
     * rel="next"}), at most {@value #MAX_TAG_PAGES} pages.
     */
    public List<String> tags(String chart) throws IOException {
        List<String> tags = new ArrayList<>();
        String resource = "/v2/" + repository(chart) + "/tags/list?n=" + TAG_PAGE_SIZE;
        for (int page = 0; page < MAX_TAG_PAGES; page++) {
            HttpResponse<byte[]> response = send("GET", resource, "application/json", chart, MAX_DOCUMENT_BYTES);
            ensureOk(response, "chart " + repository(chart));
            JsonNode list = JSON.readTree(response.body()).get("tags");
            if (list != null && list.isArray()) {
                list.forEach(tag -> tags.add(tag.asText()));
            }
            Optional<String> next = nextPage(response);
            if (next.isEmpty()) {
                return tags;
            }
            resource = next.get();
        }
        throw new IOException("the registry " + base + " lists more than " + MAX_TAG_PAGES + " pages of tags of "
                + repository(chart) + "; name the version instead of looking for the latest one");
    }

    /** The next page of a list, as path and query on this registry; never another host. */
    private Optional<String> nextPage(HttpResponse<?> response) throws IOException {
        for (String link : response.headers().allValues("Link")) {
            Matcher m = NEXT_PAGE.matcher(link);
            if (m.find()) {
                URI next = URI.create(base + "/").resolve(m.group(1));
                if (!sameOrigin(URI.create(base), next)) {
                    throw new IOException("the registry " + base + " sent the next page of a list to " + next);
                }
                return Optional.of(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
            }
        }
        return Optional.empty();
    }

    /** {@code <path>/<chart>}: where Helm pushes a chart under this URL. */
    public String repository(String chart) {
        return path.isEmpty() ? chart : path + "/" + chart;
    }

    /** OCI tags may not contain '+'; Helm writes build metadata with '_'. */
    public static String tag(String version) {
        return version.replace('+', '_');
    }

    private HttpResponse<byte[]> send(String method, String resource, String accept, String chart, long limit)
            throws IOException {
        HttpResponse<byte[]> response = exchange(method, resource, accept, null, limit);
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        String authorization;
        if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            authorization = "Bearer " + token(challenge, chart);
        } else if (credentials != null) {
            authorization = basic();
        } else {
            return response;
        }
        return exchange(method, resource, accept, authorization, limit);
    }

    private String token(String challenge, String chart) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new IOException("the registry asked for a token without saying where to get one: " + challenge);
        }
        String scope = params.getOrDefault("scope", "repository:" + repository(chart) + ":pull");
        URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + "service="
                + enc(params.getOrDefault("service", "")) + "&scope=" + enc(scope));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        // The password goes to the token service only over TLS, or to the registry's own host.
        if (credentials != null && ("https".equals(uri.getScheme()) || sameOrigin(URI.create(base), uri))) {
            request.header("Authorization", basic());
        }
        HttpResponse<byte[]> response = call(request, realm, MAX_DOCUMENT_BYTES);
        if (response.statusCode() != 200) {
            throw new AccessDeniedException("the registry refused the credentials (HTTP " + response.statusCode()
                    + " from " + realm + "); " + loginAdvice());
        }
        JsonNode json = JSON.readTree(response.body());
        JsonNode token = json.hasNonNull("token") ? json.get("token") : json.get("access_token");
        if (token == null) {
            throw new IOException("the registry's token endpoint answered without a token");
        }
        return token.asText();
    }

    /**
     * One request; redirects are followed here rather than by the client, so that credentials never
     * travel to another host (registries redirect blob downloads to storage or a CDN).
     */
    private HttpResponse<byte[]> exchange(
            String method, String resource, String accept, String authorization, long limit) throws IOException {
        URI uri = URI.create(base + resource);
        String auth = authorization;
        for (int hop = 0; hop < 5; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .header("Accept", accept)
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (auth != null) {
                request.header("Authorization", auth);
            }
            HttpResponse<byte[]> response = call(request, base, limit);
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            URI next = uri.resolve(location.get());
            if (!sameOrigin(uri, next)) {
                auth = null;
            }
            uri = next;
        }
        throw new IOException("the registry redirected more than 5 times for " + resource);
    }

    /**
     * One HTTP exchange that ends by the deadline, headers and body alike; an error body is read
     * up to the document limit only. Failures become sentences that name {@code where}.
     */
    private HttpResponse<byte[]> call(HttpRequest.Builder request, String where, long limit) throws IOException {
        if (deadline.expired()) {
            throw new RegistryMessages.RegistryUnreachableException(
                    "no time was left to reach " + where + " within " + deadline.describe(), null);
        }
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(
                request.timeout(deadline.remaining()).build(),
                BoundedBody.handler(Math.max(limit, MAX_DOCUMENT_BYTES)));
        try {
            return future.get(deadline.remainingMillis() + 1, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RegistryMessages.RegistryUnreachableException(
                    "the registry at " + where + " did not answer within " + deadline.describe(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException
                    && !(e.getCause() instanceof java.net.http.HttpConnectTimeoutException)) {
                throw new RegistryMessages.RegistryUnreachableException(
                        "the registry at " + where + " did not answer within " + deadline.describe(), e.getCause());
            }
            throw new RegistryMessages.RegistryUnreachableException(
                    RegistryMessages.explain(e.getCause(), where, plainHttp), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + where, e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return java.util.Objects.equals(a.getScheme(), b.getScheme())
                && java.util.Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    /** The registry refused the credentials (or their absence). */
    public static final class AccessDeniedException extends IOException {
        public AccessDeniedException(String message) {
            super(message);
        }
    }

    /** The registry has no such chart, tag or blob. */
    public static final class NotFoundException extends IOException {
        public NotFoundException(String message) {
            super(message);
        }
    }

    private void ensureOk(HttpResponse<?> response, String what) throws IOException {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new AccessDeniedException(
                    "the registry " + base + " refused access to " + what + " (HTTP " + status + "); " + loginAdvice());
        }
        if (status == 404) {
            throw new NotFoundException("the registry " + base + " has no " + what + " (HTTP 404)");
        }
        if (status / 100 != 2) {
            throw new IOException("the registry " + base + " answered HTTP " + status + " for " + what);
        }
    }

    /** What to check when the registry refuses: depends on where the login came from, if any. */
    private String loginAdvice() {
        if (credentials == null) {
            return "no login was sent: set " + loginSetting + " to the id of a settings.xml <server>, or log in"
                    + " with `helm registry login " + host + "`";
        }
        if (credentials.helmConfig() != null) {
            return "the login sent is Helm's own for " + host + " in " + credentials.helmConfig()
                    + "; log in again with `helm registry login " + host + "`, or set " + loginSetting;
        }
        return "check the <server> credentials named by " + loginSetting;
    }

    private String basic() {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
