package io.statefulset.helm;

import com.marcnuri.helm.jni.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Which of helm-java's native libraries serves this machine. Each native jar registers a {@link
 * NativeLibrary} in a package named after its platform ({@code com.marcnuri.helm.jni.linux.arm64});
 * the one whose package names this machine's platform is taken, never just the first found, since
 * a classpath may hold another platform's native too. None is ever downloaded.
 */
final class HelmNatives {
    /** The platforms helm-java ships a native library for, as its artifacts name them. */
    static final List<String> SUPPORTED_PLATFORMS =
            List.of("linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64");

    private static final String PROVIDER_PACKAGE = "com.marcnuri.helm.jni.";

    private HelmNatives() {}

    /**
     * The platform in helm-java's naming ({@code linux-arm64}) for the JVM's {@code os.name} and
     * {@code os.arch}, or {@code null} for an operating system or architecture it has no native for.
     */
    static String platform(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux")
                ? "linux"
                : name.contains("mac") || name.contains("darwin")
                        ? "darwin"
                        : name.startsWith("windows") ? "windows" : null;
        String arch =
                switch (osArch.toLowerCase(Locale.ROOT)) {
                    case "amd64", "x86_64" -> "amd64";
                    case "aarch64", "arm64" -> "arm64";
                    default -> null;
                };
        String platform = os == null || arch == null ? null : os + "-" + arch;
        return platform != null && SUPPORTED_PLATFORMS.contains(platform) ? platform : null;
    }

    /** The native for this JVM's platform among those {@code loader} sees. */
    static NativeLibrary find(ClassLoader loader) throws HelmUnavailableException {
        return find(loader, System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
    }

    static NativeLibrary find(ClassLoader loader, String osName, String osArch) throws HelmUnavailableException {
        String platform = platform(osName, osArch);
        List<ServiceLoader.Provider<NativeLibrary>> providers =
                ServiceLoader.load(NativeLibrary.class, loader).stream().toList();
        for (ServiceLoader.Provider<NativeLibrary> provider : providers) {
            if (platform != null && platform.equals(platformOf(provider.type()))) {
                return provider.get();
            }
        }
        List<String> found =
                providers.stream().map(p -> platformOf(p.type())).sorted().toList();
        throw new HelmUnavailableException(missingMessage(osName, osArch, platform, found, helmJavaVersion()));
    }

    /**
     * Why Helm cannot run here, and what to do: for a platform helm-java has no native for, which
     * platforms it has; for a supported one whose native is missing, the plugin dependency to add.
     */
    static String missingMessage(String osName, String osArch, String platform, List<String> found, String version) {
        String here = "(os.name=" + osName + ", os.arch=" + osArch + ")";
        String onClasspath = found.isEmpty()
                ? ""
                : " The plugin's classpath holds natives for " + String.join(", ", found) + " only.";
        if (platform == null) {
            return "Helm cannot run on this platform " + here + ": helm-java, through which the plugin runs real"
                    + " Helm, ships native libraries for " + String.join(", ", SUPPORTED_PLATFORMS) + " only."
                    + onClasspath + " Build on one of those; Windows on ARM and musl-based Linux (Alpine) are"
                    + " not supported. The plugin never downloads a native itself.";
        }
        return "No Helm native library for " + platform + " " + here + " is on the plugin's classpath." + onClasspath
                + " The plugin's POM adds it for every supported platform (" + String.join(", ", SUPPORTED_PLATFORMS)
                + "); where a build left it out, declare it among the plugin's dependencies: <plugin>...<dependencies>"
                + "<dependency><groupId>com.marcnuri.helm-java</groupId><artifactId>" + platform + "</artifactId>"
                + "<version>" + version + "</version></dependency></dependencies></plugin>. The plugin never"
                + " downloads a native itself.";
    }

    /**
     * What to add to a failure to load the native: on musl-based Linux the glibc build of Helm cannot
     * load, whichever native is on the classpath.
     */
    static String loadFailureHint() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && Files.exists(Path.of("/etc/alpine-release"))) {
            return " musl-based Linux (Alpine) is not supported: build in a glibc-based image such as"
                    + " eclipse-temurin:17 (Ubuntu).";
        }
        return "";
    }

    /** {@code linux-arm64} for a provider in {@code com.marcnuri.helm.jni.linux.arm64}. */
    private static String platformOf(Class<?> provider) {
        String pkg = provider.getPackageName();
        return pkg.startsWith(PROVIDER_PACKAGE)
                ? pkg.substring(PROVIDER_PACKAGE.length()).replace('.', '-')
                : provider.getName();
    }

    /** helm-java's version, from its API jar: the version of the native artifact to add. */
    private static String helmJavaVersion() {
        Properties properties = new Properties();
        try (InputStream in = NativeLibrary.class.getResourceAsStream("/META-INF/native-libraries.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the message then names no version
        }
        return properties.getProperty("com.marcnuri.jkube-helm.version", "<helm-java version>");
    }
}
