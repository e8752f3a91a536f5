package io.statefulset.maven;

import io.statefulset.registry.HelmRegistryLogins;
import io.statefulset.registry.OciRegistry.Credentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The login for a registry: the settings.xml {@code <server>} a setting names, with its password
 * decrypted; without one, the user's own Helm login for the registry's host, read and never
 * written. Neither password is ever logged.
 */
final class RegistryCredentials {
    private RegistryCredentials() {}

    /**
     * @param serverId the value of {@code element}, e.g. {@code <pushServerId>}; blank for none
     * @return the credentials, or {@code null} to call the registry without a login
     */
    static Credentials resolve(
            String serverId, String element, Settings settings, SettingsDecrypter decrypter, URI registry, Log log)
            throws MojoFailureException {
        if (serverId != null && !serverId.isBlank()) {
            return fromServer(serverId, element, settings, decrypter);
        }
        return fromHelmLogin(HelmRegistryLogins.configFile(), element, registry, log);
    }

    /** The login {@code file} (Helm's) holds for the registry's host, or {@code null}. */
    static Credentials fromHelmLogin(Path file, String element, URI registry, Log log) {
        String host = registry.getHost() + (registry.getPort() > 0 ? ":" + registry.getPort() : "");
        try {
            Optional<Credentials> login = HelmRegistryLogins.find(file, host);
            if (login.isPresent()) {
                log.info("No " + element + " is set: using Helm's own login for " + host + " from " + file);
                return login.get();
            }
        } catch (IOException e) {
            log.warn("Cannot read Helm's registry logins (" + e.getMessage() + "); " + host
                    + " is called without a login. Set " + element + " to use a settings.xml <server>.");
        }
        return null;
    }

    private static Credentials fromServer(
            String serverId, String element, Settings settings, SettingsDecrypter decrypter)
            throws MojoFailureException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException(element + " = '" + serverId + "': settings.xml has no <server> with this id;"
                    + " add <server><id>" + serverId + "</id><username>…</username><password>…</password></server>");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException(
                        element + " = '" + serverId + "': the password cannot be decrypted: " + problem.getMessage());
            }
        }
        Server decrypted = result.getServer();
        if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
            throw new MojoFailureException(
                    element + " = '" + serverId + "': the <server> needs a <username> and a <password>");
        }
        return new Credentials(decrypted.getUsername(), decrypted.getPassword());
    }
}
