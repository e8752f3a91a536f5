package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.model.RawConfiguration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.model.Developer;
import org.apache.maven.model.Model;
import org.apache.maven.model.Scm;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The Mojo binds the POM configuration, maps it into the core and maps failures back. */
@MojoTest
class GenerateMojoTest {
    private static final String GOAL = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:generate";

    @TempDir
    Path buildDirectory;

    @Provides
    MavenProject project() {
        Model model = new Model();
        model.setGroupId("io.statefulset.test");
        model.setArtifactId("visit-counter");
        model.setVersion("1.0-SNAPSHOT");
        model.setDescription("Counts visits per pod");
        model.setUrl("https://example.org/visit-counter");
        Scm scm = new Scm();
        scm.setUrl("https://example.org/visit-counter.git");
        model.setScm(scm);
        Developer developer = new Developer();
        developer.setId("ada");
        developer.setName("Ada Lovelace");
        developer.setEmail("ada@example.org");
        model.addDeveloper(developer);
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File("src/test/resources/unit/generate/pom.xml").getAbsoluteFile());
        return project;
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "src/test/resources/unit/generate/pom.xml")
    void bindsThePomConfiguration(GenerateMojo mojo) {
        RawConfiguration config = mojo.configuration();
        assertThat(config.image().repository()).isEqualTo("ghcr.io/acme/visit-counter");
        assertThat(config.replicas()).isEqualTo(2);
        assertThat(config.podManagementPolicy()).isEqualTo("Parallel");
        assertThat(config.ports())
                .singleElement()
                .satisfies(p -> assertThat(p.containerPort()).isEqualTo(8080));
        assertThat(config.volumeClaimTemplates()).singleElement().satisfies(c -> {
            assertThat(c.mountPath()).isEqualTo("/app/data");
            assertThat(c.accessModes()).containsExactly("ReadWriteOnce");
        });
        assertThat(config.env()).containsExactly(Map.entry("DATA_DIR", "/app/data"));
        assertThat(config.expandedEnv()).containsExactly(Map.entry("DATA_URL", "file://$(DATA_DIR)/visits"));
        assertThat(config.secretEnv())
                .singleElement()
                .satisfies(s -> assertThat(s.secretName()).isEqualTo("visit-counter-credentials"));
        assertThat(config.podAnnotations()).containsExactly(Map.entry("vault.hashicorp.com/agent-inject", "true"));
        assertThat(config.resources().limits()).containsEntry("memory", "128Mi");
        assertThat(config.probes().readiness().path()).isEqualTo("/readyz");
        assertThat(config.probes().liveness()).isNull();
        assertThat(config.hooks()).singleElement().satisfies(h -> {
            assertThat(h.events()).containsExactly("pre-install", "pre-upgrade");
            assertThat(h.weight()).isEqualTo(-1);
            assertThat(h.command()).containsExactly("sh", "-c", "echo hook");
        });
        assertThat(config.chart()).isNull();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "src/test/resources/unit/generate/pom.xml")
    void generatesTheChartWithDefaultsFromTheProject(GenerateMojo mojo) throws Exception {
        mojo.execute();
        Path chart = buildDirectory.resolve("helm/visit-counter");
        Map<String, Object> chartYaml = new Yaml().load(Files.readString(chart.resolve("Chart.yaml")));
        assertThat(chartYaml)
                .containsEntry("name", "visit-counter")
                .containsEntry("version", "1.0.0-SNAPSHOT")
                .containsEntry("appVersion", "1.0-SNAPSHOT")
                .containsEntry("description", "Counts visits per pod")
                .containsEntry("home", "https://example.org/visit-counter")
                .containsEntry("sources", java.util.List.of("https://example.org/visit-counter.git"))
                .containsEntry(
                        "maintainers", java.util.List.of(Map.of("name", "Ada Lovelace", "email", "ada@example.org")));
        Map<String, Object> values = new Yaml().load(Files.readString(chart.resolve("values.yaml")));
        assertThat(values.get("image"))
                .isEqualTo(Map.of(
                        "repository",
                        "ghcr.io/acme/visit-counter",
                        "tag",
                        "1.0-SNAPSHOT",
                        "pullPolicy",
                        "IfNotPresent"));
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "src/test/resources/unit/bad-config/pom.xml")
    void badConfigurationFailsTheBuildNamingEveryElement(GenerateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Invalid statefulset-maven-plugin configuration")
                .hasMessageContaining("<updateStrategy><maxUnavailable> = '1': only applies to RollingUpdate")
                .hasMessageContaining(
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size> = '1 Gi': is not a Kubernetes quantity");
        assertThat(buildDirectory.resolve("helm/visit-counter")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "src/test/resources/unit/generate/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipWritesNothing(GenerateMojo mojo) throws Exception {
        mojo.execute();
        assertThat(buildDirectory.resolve("helm")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "src/test/resources/unit/generate/pom.xml")
    @MojoParameter(name = "skipGenerate", value = "true")
    void goalSkipWritesNothing(GenerateMojo mojo) throws Exception {
        mojo.execute();
        assertThat(buildDirectory.resolve("helm")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = "src/test/resources/unit/generate/pom.xml")
    @MojoParameter(name = "skip", value = "false")
    @MojoParameter(name = "skipGenerate", value = "false")
    void withoutSkipTheSameConfigurationWritesTheChart(GenerateMojo mojo) throws Exception {
        // The control for the two skip tests: the same lookup, unskipped, does write under buildDirectory.
        mojo.execute();
        assertThat(buildDirectory.resolve("helm/visit-counter/Chart.yaml")).isRegularFile();
    }
}
