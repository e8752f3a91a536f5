package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.registry.OciRegistry.Credentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where Helm keeps registry logins (helm pkg/helmpath), and which of them can be read from the file. */
class HelmRegistryLoginsTest {

    @Test
    void helmConfigHomeComesFirst() {
        assertThat(HelmRegistryLogins.configFile(
                        Map.of("HELM_CONFIG_HOME", "/h", "XDG_CONFIG_HOME", "/x", "HOME", "/home/u"), "Linux"))
                .isEqualTo(Path.of("/h/registry/config.json"));
    }

    @Test
    void thenXdgConfigHomeWithHelmBelowIt() {
        assertThat(HelmRegistryLogins.configFile(
                        Map.of("HELM_CONFIG_HOME", "", "XDG_CONFIG_HOME", "/x", "HOME", "/home/u"), "Mac OS X"))
                .isEqualTo(Path.of("/x/helm/registry/config.json"));
    }

    @Test
    void thenTheDefaultOfTheOperatingSystem() {
        Map<String, String> env = Map.of("HOME", "/home/u", "APPDATA", "/appdata");
        assertThat(HelmRegistryLogins.configFile(env, "Linux"))
                .isEqualTo(Path.of("/home/u/.config/helm/registry/config.json"));
        assertThat(HelmRegistryLogins.configFile(env, "Mac OS X"))
                .isEqualTo(Path.of("/home/u/Library/Preferences/helm/registry/config.json"));
        assertThat(HelmRegistryLogins.configFile(env, "Windows 11"))
                .isEqualTo(Path.of("/appdata/helm/registry/config.json"));
    }

    @Test
    void readsTheLoginHelmWroteForTheHost(@TempDir Path dir) throws Exception {
        Path file = write(
                dir,
                "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + base64("ci:pa:ss") + "\"},"
                        + "\"https://legacy.example.org/v1/\":{\"username\":\"old\",\"password\":\"school\"}}}");
        Credentials ci = HelmRegistryLogins.find(file, "127.0.0.1:5000").orElseThrow();
        assertThat(ci.username()).isEqualTo("ci");
        assertThat(ci.password()).isEqualTo("pa:ss");
        assertThat(ci.helmConfig()).isEqualTo(file);
        assertThat(HelmRegistryLogins.find(file, "legacy.example.org")
                        .orElseThrow()
                        .username())
                .isEqualTo("old");
        assertThat(HelmRegistryLogins.find(file, "127.0.0.1:5001")).isEmpty();
        assertThat(HelmRegistryLogins.find(dir.resolve("none.json"), "127.0.0.1:5000"))
                .isEmpty();
    }

    /** Such logins are not in the file: Helm asks a credential helper, which the plugin does not run. */
    @Test
    void loginsKeptByACredentialHelperOrAsTokensAreNotRead(@TempDir Path dir) throws Exception {
        String auth = "\"auth\":\"" + base64("ci:secret") + "\"";
        assertThat(HelmRegistryLogins.find(
                        write(dir, "{\"credsStore\":\"osxkeychain\",\"auths\":{\"r.example.org\":{" + auth + "}}}"),
                        "r.example.org"))
                .isEmpty();
        assertThat(HelmRegistryLogins.find(
                        write(
                                dir,
                                "{\"credHelpers\":{\"r.example.org\":\"ecr-login\"},\"auths\":{\"r.example.org\":{"
                                        + auth + "}}}"),
                        "r.example.org"))
                .isEmpty();
        assertThat(HelmRegistryLogins.find(
                        write(dir, "{\"auths\":{\"r.example.org\":{\"identitytoken\":\"refresh\"}}}"), "r.example.org"))
                .isEmpty();
    }

    @Test
    void aFileThatIsNoLoginFileIsNamed(@TempDir Path dir) throws Exception {
        Path file = write(dir, "[1, 2]");
        assertThatThrownBy(() -> HelmRegistryLogins.find(file, "r.example.org"))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a registry login file");
    }

    private static Path write(Path dir, String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
