package io.statefulset.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Helm's per-user registry login file ({@code helm registry login} writes there), found the way
 * Helm finds it. A push saves it first and puts it back afterwards, so that the plugin's login
 * leaves no credentials behind and does not log out a login the user made before.
 */
public final class HelmRegistryConfig {
    private final Path file;
    private final Optional<byte[]> saved;

    private HelmRegistryConfig(Path file, Optional<byte[]> saved) {
        this.file = file;
        this.saved = saved;
    }

    static HelmRegistryConfig save() throws IOException {
        Path file = locate();
        return new HelmRegistryConfig(
                file, Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty());
    }

    /** Puts the file back as it was: the previous content, or no file. */
    void restore() throws IOException {
        if (saved.isPresent()) {
            Files.write(file, saved.get());
        } else {
            Files.deleteIfExists(file);
        }
    }

    /** {@code $HELM_REGISTRY_CONFIG}, else the registry/config.json under Helm's configuration home for this OS. */
    public static Path locate() {
        String explicit = System.getenv("HELM_REGISTRY_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        // Helm (Go) takes the home directory from $HOME, which -Duser.home does not change.
        String homeEnv = System.getenv("HOME");
        Path home = Path.of(homeEnv != null && !homeEnv.isBlank() ? homeEnv : System.getProperty("user.home"));
        Path configHome;
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            configHome = Path.of(xdg);
        } else if (os.contains("mac")) {
            configHome = home.resolve("Library/Preferences");
        } else if (os.contains("win") && System.getenv("APPDATA") != null) {
            configHome = Path.of(System.getenv("APPDATA"));
        } else {
            configHome = home.resolve(".config");
        }
        return configHome.resolve("helm").resolve("registry").resolve("config.json");
    }
}
