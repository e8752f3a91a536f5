package io.statefulset.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.ChartPackager;
import io.statefulset.helm.TestHelm;
import io.statefulset.registry.RegistryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** push through the plugin harness, against a real registry: the POM's settings, the skips, the failures. */
@MojoTest
class PushMojoTest {
    private static final String GOAL = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:push";
    private static final String POM = "src/test/resources/unit/push/pom.xml";

    @TempDir
    Path buildDirectory;

    @Provides
    MavenProject project() {
        return GoalHarness.project("push-goal", POM, buildDirectory);
    }

    private RecordingLog into(PushMojo mojo) throws Exception {
        return GoalHarness.into(mojo, buildDirectory);
    }

    private Path helm() {
        return buildDirectory.resolve("helm");
    }

    private void packagedChart() throws Exception {
        Path chart = GoalHarness.chart(buildDirectory, "demo", null);
        ChartPackager.pack(chart, helm(), Instant.parse("2026-01-01T00:00:00Z"), TestHelm.PACKAGING);
    }

    /** plainHttp from the POM reaches a plain-HTTP registry; the chart is then there under its version. */
    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void pushesThePackagedChartWithThePomsSettings(PushMojo mojo) throws Exception {
        packagedChart();
        RecordingLog log = into(mojo);
        try (RegistryServer registry = RegistryServer.start(buildDirectory.resolve("registry"), null, null)) {
            setVariableValueToObject(mojo, "pushUrl", registry.chartsUrl().toString());

            mojo.execute();

            assertThat(log.text())
                    .contains("INFO Pushed oci://127.0.0.1:" + registry.port() + "/charts/demo:1.0.0 (sha256:");
            int status = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + registry.port() + "/v2/charts/demo/manifests/1.0.0"))
                                    .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void withoutAPushUrlNothingIsPushed(PushMojo mojo) throws Exception {
        packagedChart();
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text())
                .isEqualTo("INFO Skipping statefulset:push: no <pushUrl> (statefulset.pushUrl) is configured");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "pushUrl", value = "https://registry.example.org/charts")
    void aPushUrlThatIsNotOciIsNamed(PushMojo mojo) throws Exception {
        packagedChart();
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<pushUrl> = 'https://registry.example.org/charts': not an OCI registry URL; write it"
                        + " like oci://registry.example.org/charts");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "pushUrl", value = "oci://127.0.0.1:1/charts")
    @MojoParameter(name = "pushTimeout", value = "0")
    void aPushTimeoutBelowOneSecondIsNamed(PushMojo mojo) throws Exception {
        packagedChart();
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<pushTimeout> = '0': must be at least 1 (seconds); the default is 300");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "pushUrl", value = "oci://127.0.0.1:1/charts")
    void aChartThatWasNotPackagedSaysWhatToRun(PushMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(helm().resolve("demo-1.0.0.tgz")
                        + " does not exist; run statefulset:package (mvn package) before statefulset:push");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "pushUrl", value = "oci://127.0.0.1:1/charts")
    @MojoParameter(name = "skip", value = "true")
    void skipPushesNothing(PushMojo mojo) throws Exception {
        packagedChart();
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:push: statefulset.skip is true");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "pushUrl", value = "oci://127.0.0.1:1/charts")
    @MojoParameter(name = "skipPush", value = "true")
    void goalSkipPushesNothing(PushMojo mojo) throws Exception {
        packagedChart();
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:push: statefulset.push.skip is true");
    }
}
