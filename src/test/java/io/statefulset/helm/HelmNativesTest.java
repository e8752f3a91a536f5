package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.jni.NativeLibrary;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which native Helm runs with. The test classpath holds helm-java's linux-amd64 native only (the
 * plugin POM's profile for this build machine), so every other platform finds nothing usable.
 */
class HelmNativesTest {
    private static final ClassLoader TEST_CLASSPATH = HelmNativesTest.class.getClassLoader();

    @Test
    void namesPlatformsAsHelmJavaDoesFromWhatJvmsReport() {
        assertThat(HelmNatives.platform("Linux", "amd64")).isEqualTo("linux-amd64");
        assertThat(HelmNatives.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(HelmNatives.platform("Mac OS X", "x86_64")).isEqualTo("darwin-amd64");
        assertThat(HelmNatives.platform("Mac OS X", "aarch64")).isEqualTo("darwin-arm64");
        assertThat(HelmNatives.platform("Windows 11", "amd64")).isEqualTo("windows-amd64");
        assertThat(HelmNatives.platform("Windows 11", "aarch64")).isNull();
        assertThat(HelmNatives.platform("Linux", "riscv64")).isNull();
        assertThat(HelmNatives.platform("FreeBSD", "amd64")).isNull();
    }

    @Test
    void takesTheNativeOfThisPlatform() throws Exception {
        NativeLibrary found = HelmNatives.find(TEST_CLASSPATH, "Linux", "amd64");
        assertThat(found.getClass().getPackageName()).isEqualTo("com.marcnuri.helm.jni.linux.amd64");
        assertThat(found.getBinaryName()).isEqualTo("helm-linux-amd64.so");
    }

    @Test
    void neverTakesAnotherPlatformsNativeAndSaysWhichDependencyIsMissing() {
        // An Intel Mac used to get helm-java's Linux native too (macOS is in Maven's unix family).
        assertThatThrownBy(() -> HelmNatives.find(TEST_CLASSPATH, "Mac OS X", "x86_64"))
                .isInstanceOf(HelmUnavailableException.class)
                .hasMessageContaining("No Helm native library for darwin-amd64 (os.name=Mac OS X, os.arch=x86_64)")
                .hasMessageContaining("holds natives for linux-amd64 only")
                .hasMessageContaining("<artifactId>darwin-amd64</artifactId><version>0.0.21</version>");
        assertThatThrownBy(() -> HelmNatives.find(TEST_CLASSPATH, "Linux", "aarch64"))
                .hasMessageContaining("No Helm native library for linux-arm64 (os.name=Linux, os.arch=aarch64)")
                .hasMessageContaining("<artifactId>linux-arm64</artifactId>");
    }

    @Test
    void anUnsupportedPlatformIsNamedWithTheSupportedOnesAndWhatToDo() {
        assertThatThrownBy(() -> HelmNatives.find(TEST_CLASSPATH, "Windows 11", "aarch64"))
                .isInstanceOf(HelmUnavailableException.class)
                .hasMessageContaining("Helm cannot run on this platform (os.name=Windows 11, os.arch=aarch64)")
                .hasMessageContaining("linux-amd64, linux-arm64, darwin-amd64, darwin-arm64, windows-amd64 only")
                .hasMessageContaining("Build on one of those")
                .hasMessageContaining("Windows on ARM and musl-based Linux (Alpine) are not supported");
    }

    @Test
    void withoutANativeTheFirstHelmCallFailsBeforeAnyWorkerStarts() throws Exception {
        ClassLoader noNatives = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        Set<Long> childrenBefore = children();
        try (HelmWorkers workers =
                new HelmWorkers(Map.of(), 1L << 30, Path.of(System.getProperty("java.io.tmpdir")), noNatives)) {
            assertThatThrownBy(workers::requireNative)
                    .isInstanceOf(HelmUnavailableException.class)
                    .hasMessageContaining("os.name=" + System.getProperty("os.name"))
                    .hasMessageContaining("os.arch=" + System.getProperty("os.arch"))
                    .hasMessageContaining("linux-amd64, linux-arm64, darwin-amd64, darwin-arm64, windows-amd64")
                    .hasMessageContaining("The plugin never downloads a native itself");
            HelmRunner runner = new HelmRunner(workers, TestHelm.RENDER_TIMEOUT, "<renderTimeout>");
            assertThatThrownBy(() -> runner.lint(Path.of("no-chart-needed"), true))
                    .isInstanceOf(HelmUnavailableException.class);
            assertThat(workers.helmCalls()).isZero();
        }
        assertThat(children()).as("no worker process was started").isSubsetOf(childrenBefore);
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }
}
