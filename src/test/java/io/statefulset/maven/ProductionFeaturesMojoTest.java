package io.statefulset.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.model.RawConfiguration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maven binds the production features' elements into the raw configuration: the nested lists,
 * maps and beans of {@code <initContainers>}, {@code <sidecars>} (whose {@code <port>} has {@code
 * publish}), {@code <configFiles>}, {@code <networkPolicy>} and {@code <metrics>}.
 */
@MojoTest
class ProductionFeaturesMojoTest {
    private static final String GOAL = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:generate";
    private static final String POM = "src/test/resources/unit/production/pom.xml";

    @TempDir
    Path buildDirectory;

    @Provides
    MavenProject project() {
        Model model = new Model();
        model.setGroupId("io.statefulset.test");
        model.setArtifactId("ledger");
        model.setVersion("1.0-SNAPSHOT");
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(POM).getAbsoluteFile());
        return project;
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void bindsEveryElement(GenerateMojo mojo) {
        RawConfiguration config = mojo.configuration();
        assertThat(config.podAntiAffinity()).isEqualTo("hard");
        assertThat(config.initContainers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("restore");
            assertThat(c.image()).isEqualTo("registry.example/tools:1.4.2");
            assertThat(c.command()).containsExactly("tools", "restore");
            assertThat(c.args()).containsExactly("--all");
            assertThat(c.env()).containsExactly(Map.entry("EMPTY", ""), Map.entry("TARGET", "/var/lib/ledger"));
            assertThat(c.resources().limits()).containsExactly(Map.entry("memory", "256Mi"));
            assertThat(c.ports()).isNull();
        });
        assertThat(config.sidecars())
                .singleElement()
                .satisfies(c -> assertThat(c.ports()).singleElement().satisfies(p -> {
                    assertThat(p.name()).isEqualTo("ship-admin");
                    assertThat(p.containerPort()).isEqualTo(2020);
                    assertThat(p.protocol()).isEqualTo("TCP");
                    assertThat(p.publish()).isTrue();
                }));
        // A relative <directory> starts at the project's directory, as Maven resolves File parameters.
        assertThat(config.configFiles().directory())
                .isAbsolute()
                .isEqualTo(Path.of("src/test/resources/config-files").toAbsolutePath());
        assertThat(config.configFiles().mountPath()).isEqualTo("/etc/ledger");
        assertThat(config.networkPolicy().enabled()).isTrue();
        assertThat(config.metrics().port()).isEqualTo("ship-admin");
        assertThat(config.metrics().path()).isEqualTo("/stats");
        assertThat(config.metrics().serviceMonitor()).isTrue();
    }

    /**
     * An unchanged re-run is answered from the configuration as written, without starting a Helm
     * worker; the config files count with their content, so an edited file makes the next run
     * generate again, as does a changed parameter.
     */
    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void aRerunIsUpToDateUntilAConfigFileOrAParameterChanges(GenerateMojo mojo) throws Exception {
        Path config = Files.createDirectories(buildDirectory.resolve("config"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/config-files"))) {
            for (Path file : files.toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Object configFiles = getVariableValueFromObject(mojo, "configFiles");
        setVariableValueToObject(configFiles, "directory", config.toFile());
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertThat(log.text()).contains("INFO Generated chart ledger 1.0.0-SNAPSHOT in ");
        String upToDate = "INFO Chart ledger 1.0.0-SNAPSHOT is up to date in ";
        List<String> warnings =
                log.lines.stream().filter(l -> l.startsWith("WARN ")).toList();
        assertThat(warnings).isNotEmpty();

        log.lines.clear();
        Set<Long> before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isEmpty();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith(upToDate);
        assertThat(log.lines.subList(0, log.lines.size() - 1))
                .as("the configuration's warnings, repeated")
                .isEqualTo(warnings);

        // A chart directory edited by hand is not what the last run wrote: it is written again.
        Path chart = buildDirectory.resolve("helm/ledger");
        Files.writeString(chart.resolve("values.yaml"), "# edited\n", StandardOpenOption.APPEND);
        mojo.execute();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith("INFO Generated chart ledger");
        assertThat(chart.resolve("values.yaml")).content().doesNotContain("# edited");

        Path file;
        try (Stream<Path> files = Files.list(config)) {
            file = files.sorted().findFirst().orElseThrow();
        }
        Files.writeString(file, "edited\n", StandardOpenOption.APPEND);
        before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isNotEmpty();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith("INFO Generated chart ledger");

        mojo.execute();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith(upToDate);
        setVariableValueToObject(mojo, "replicas", 5);
        before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isNotEmpty();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith("INFO Generated chart ledger");
    }
}
