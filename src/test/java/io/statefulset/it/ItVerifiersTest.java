package io.statefulset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The log checks of the integration tests, on lines as Maven 3.9.16 and 4.0.0-rc-5 print them. */
class ItVerifiersTest {
    /** Maven's plugin validation report, as printed with -Dmaven.plugin.validation=VERBOSE. */
    private static final String REPORT = """
            [INFO] BUILD SUCCESS
            [WARNING]\s
            [WARNING] Plugin [INTERNAL, EXTERNAL] validation issues were detected in following plugin(s)
            [WARNING]\s
            [WARNING]  * org.apache.maven.plugins:maven-dependency-plugin:2.8
            [WARNING]   Declared at location(s):
            [WARNING]    * unknown
            [WARNING]   Plugin EXTERNAL issue(s):
            [WARNING]    * Plugin is a Maven 2.x plugin, which will be not supported in Maven 4.x
            [WARNING]   Mojo EXTERNAL issue(s):
            [WARNING]    * Mojo dependency:tree (org.apache.maven.plugin.dependency.tree.TreeMojo)
            [WARNING]      - Parameter 'localRepository' uses deprecated parameter expression '${localRepository}'
            [WARNING]\s
            """;

    @Test
    void anotherPluginsValidationIssuesAreNotOurs() {
        assertThat(ItVerifiers.pluginWarnings(REPORT)).isEmpty();
    }

    @Test
    void ourEntryInAValidationReportIsReportedWithItsIssues() {
        String ours = REPORT.replace("[WARNING]  * org.apache.maven.plugins:maven-dependency-plugin:2.8\n", """
                [WARNING]  * io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT
                [WARNING]   Declared at location(s):
                [WARNING]    * io.statefulset.it:keeper:1.0.0 (/it/pom.xml) @ line 25
                [WARNING]   Mojo EXTERNAL issue(s):
                [WARNING]    * Mojo statefulset:generate (io.statefulset.maven.GenerateMojo)
                [WARNING]      - Parameter 'session' is read-only, must not be used in configuration
                [WARNING]\s
                [WARNING]  * org.apache.maven.plugins:maven-dependency-plugin:2.8
                """);
        assertThat(ItVerifiers.pluginWarnings(ours))
                .containsExactly(
                        "[WARNING]  * io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT",
                        "[WARNING]   Declared at location(s):",
                        "[WARNING]    * io.statefulset.it:keeper:1.0.0 (/it/pom.xml) @ line 25",
                        "[WARNING]   Mojo EXTERNAL issue(s):",
                        "[WARNING]    * Mojo statefulset:generate (io.statefulset.maven.GenerateMojo)",
                        "[WARNING]      - Parameter 'session' is read-only, must not be used in configuration");
        assertThatThrownBy(() -> ItVerifiers.assertNoPluginWarnings(ours))
                .hasMessageContaining("Maven warned about io.statefulset:statefulset-maven-plugin")
                .hasMessageContaining("Parameter 'session' is read-only");
    }

    @Test
    void configurationThePluginIgnoresIsReported() {
        String log = "[WARNING] Parameter 'bogusSetting' is unknown for plugin"
                + " 'statefulset-maven-plugin:0.1.0-SNAPSHOT:generate (default)'\n[INFO] BUILD SUCCESS\n";
        assertThat(ItVerifiers.pluginWarnings(log)).hasSize(1);
    }

    @Test
    void aMissingLineIsReportedWithTheLinesAboutItNotTheWholeLog() {
        String log = "[INFO] filler\n".repeat(1000) + "[INFO] Chart keeper 1.0.0 is up to date\n[ERROR] boom\n";
        assertThatThrownBy(() -> ItVerifiers.assertLogHas(log, "keeper", "Generated chart keeper 1.0.0 in"))
                .hasMessageContaining("build.log lacks Generated chart keeper 1.0.0 in")
                .hasMessageContaining("[INFO] Chart keeper 1.0.0 is up to date")
                .hasMessageContaining("[ERROR] boom")
                .hasMessageNotContaining("filler");
    }
}
