package io.statefulset.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulset.registry.OciRegistry.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry logins Helm keeps for this user ({@code helm registry login}), read and never
 * written. Helm, also when it runs inside the build through helm-java, reads them from {@code
 * registry/config.json} under its config home: {@code $HELM_CONFIG_HOME}, else {@code
 * $XDG_CONFIG_HOME/helm}, else {@code ~/.config/helm} on Linux, {@code ~/Library/Preferences/helm}
 * on macOS and {@code %APPDATA%\helm} on Windows. ({@code $HELM_REGISTRY_CONFIG} is read by the
 * helm command only.) A login kept by a credential helper ({@code credsStore}, {@code credHelpers})
 * or as an identity token is not in the file and is not found here.
 */
public final class HelmRegistryLogins {
    /** A login file is a few hundred bytes per registry. */
    static final long MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HelmRegistryLogins() {}

    /** Where Helm keeps the logins, for this environment and operating system ({@code os.name}). */
    public static Path configFile(Map<String, String> environment, String osName) {
        String helmHome = environment.get("HELM_CONFIG_HOME");
        if (helmHome != null && !helmHome.isEmpty()) {
            return Path.of(helmHome, "registry", "config.json");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        String os = osName.toLowerCase(Locale.ROOT);
        Path base;
        if (xdg != null && !xdg.isEmpty()) {
            base = Path.of(xdg);
        } else if (os.contains("mac") || os.contains("darwin")) {
            base = home(environment).resolve("Library").resolve("Preferences");
        } else if (os.contains("win")) {
            base = Path.of(environment.getOrDefault("APPDATA", ""));
        } else {
            base = home(environment).resolve(".config");
        }
        return base.resolve("helm").resolve("registry").resolve("config.json");
    }

    /** Helm's login file for the environment of this JVM. */
    public static Path configFile() {
        return configFile(System.getenv(), System.getProperty("os.name", ""));
    }

    /**
     * The username and password {@code file} holds for {@code host} ({@code host[:port]}), if it
     * holds them itself; empty when there is no file, no login for the host, or the login is kept
     * elsewhere (a credential helper, an identity token).
     */
    public static Optional<Credentials> find(Path file, String host) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes; it is not a registry login file");
        }
        JsonNode config = JSON.readTree(Files.readAllBytes(file));
        if (config == null || !config.isObject()) {
            throw new IOException(file + " is not a registry login file (no JSON object)");
        }
        // As Helm's credential store does: a helper named for the host, or for every host, holds the secret.
        if (config.path("credHelpers").hasNonNull(host)
                || !config.path("credsStore").asText("").isEmpty()) {
            return Optional.empty();
        }
        JsonNode auths = config.path("auths");
        if (auths.has(host)) {
            return credentials(auths.get(host), file);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (hostOf(entry.getKey()).equals(host)) {
                return credentials(entry.getValue(), file);
            }
        }
        return Optional.empty();
    }

    private static Optional<Credentials> credentials(JsonNode login, Path file) throws IOException {
        String auth = login.path("auth").asText("");
        if (!auth.isEmpty()) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException("a login in " + file + " is not base64", e);
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IOException("a login in " + file + " is not of the form user:password");
            }
            return Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1), file));
        }
        String username = login.path("username").asText("");
        String password = login.path("password").asText("");
        if (!username.isEmpty() && !password.isEmpty()) {
            return Optional.of(new Credentials(username, password, file));
        }
        return Optional.empty();
    }

    /** Keys may also be written as URLs ({@code https://host/v1/}), as older Docker logins were. */
    private static String hostOf(String key) {
        String host = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    private static Path home(Map<String, String> environment) {
        String home = environment.get("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
    }
}
