package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** template through the plugin harness: the POM's release, namespace and --set values, the skips, the failures. */
@MojoTest
class TemplateMojoTest {
    private static final String GOAL = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:template";
    private static final String POM = "src/test/resources/unit/template/pom.xml";

    @TempDir
    Path buildDirectory;

    @Provides
    MavenProject project() {
        return GoalHarness.project("template-goal", POM, buildDirectory);
    }

    private RecordingLog into(TemplateMojo mojo) throws Exception {
        return GoalHarness.into(mojo, buildDirectory);
    }

    private Path helm() {
        return buildDirectory.resolve("helm");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void rendersWithTheReleaseAndValuesOfThePom(TemplateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);

        mojo.execute();

        Path rendered = helm().resolve("demo-rendered.yaml");
        assertThat(log.text()).isEqualTo("INFO Rendered demo to " + rendered);
        Map<String, Map<String, Object>> map = new Yaml().load(java.nio.file.Files.readString(rendered));
        assertThat(map.get("metadata")).containsEntry("name", "shop-config");
        assertThat(map.get("data")).containsEntry("greeting", "hello, world");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "set", value = "greeting")
    void aSetWithoutAValueIsNamed(TemplateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<set> = 'greeting': 'greeting' is not key=value; write e.g."
                        + " -Dstatefulset.set=replicaCount=3,image.tag=2.0.0");
        assertThat(helm().resolve("demo-rendered.yaml")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void aTemplateHelmRefusesFailsNamingTheChart(TemplateMojo mojo) throws Exception {
        Path chart = GoalHarness.chart(buildDirectory, "demo", null);
        java.nio.file.Files.writeString(chart.resolve("templates/broken.yaml"), "{{ .Values.greeting | nosuch }}\n");
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("helm template demo failed: ")
                .hasMessageContaining("nosuch");
        assertThat(helm().resolve("demo-rendered.yaml")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void withoutAChartItFailsSayingWhatToDo(TemplateMojo mojo) throws Exception {
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("No chart to render in " + helm()
                        + "; configure statefulset:generate, or set statefulset.chartDirectory");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipRendersNothing(TemplateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:template: statefulset.skip is true");
        assertThat(helm().resolve("demo-rendered.yaml")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "skipTemplate", value = "true")
    void goalSkipRendersNothing(TemplateMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:template: statefulset.template.skip is true");
        assertThat(helm().resolve("demo-rendered.yaml")).doesNotExist();
    }
}
