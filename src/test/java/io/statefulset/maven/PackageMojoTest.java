package io.statefulset.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** package through the plugin harness: the POM's time stamp, the attached artifact, the skips, the re-run. */
@MojoTest
class PackageMojoTest {
    private static final String GOAL = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:package";
    private static final String POM = "src/test/resources/unit/package/pom.xml";

    @TempDir
    Path buildDirectory;

    private MavenProject project;

    @Provides
    MavenProject project() {
        project = GoalHarness.project("package-goal", POM, buildDirectory);
        return project;
    }

    private RecordingLog into(PackageMojo mojo) throws Exception {
        return GoalHarness.into(mojo, buildDirectory);
    }

    private Path helm() {
        return buildDirectory.resolve("helm");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void packagesEveryEntryAtThePomsTimeStampAndAttachesTheArchive(PackageMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);

        mojo.execute();

        Path archive = helm().resolve("demo-1.0.0.tgz");
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
                assertThat(entry.getModTime().toInstant()).isEqualTo(Instant.parse("2026-03-04T05:06:08Z"));
            }
        }
        assertThat(names).contains("demo/Chart.yaml", "demo/values.yaml", "demo/templates/configmap.yaml");
        assertThat(log.text()).startsWith("INFO Packaged " + archive + " (sha256 ");
        assertThat(project.getAttachedArtifacts()).singleElement().satisfies(a -> {
            assertThat(a.getClassifier()).isEqualTo("helm");
            assertThat(a.getType()).isEqualTo("tgz");
            assertThat(a.getFile()).isEqualTo(archive.toFile());
        });
    }

    /** The second run finds chart and archive untouched and answers without starting a Helm worker. */
    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void anUnchangedRerunIsUpToDateWithoutStartingHelmAndStillAttaches(PackageMojo mojo) throws Exception {
        Path chart = GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);
        mojo.execute();
        Path archive = helm().resolve("demo-1.0.0.tgz");
        byte[] packed = Files.readAllBytes(archive);

        Set<Long> before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isEmpty();
        assertThat(log.lines.get(log.lines.size() - 1))
                .startsWith("INFO Chart archive " + archive + " is up to date (sha256 ");
        assertThat(archive).hasBinaryContent(packed);
        assertThat(project.getAttachedArtifacts()).extracting(Artifact::getFile).containsOnly(archive.toFile());

        Files.writeString(chart.resolve("values.yaml"), "greeting: changed\n");
        before = WorkerProcesses.now();
        mojo.execute();
        assertThat(WorkerProcesses.startedSince(before))
                .as("Helm workers started")
                .isNotEmpty();
        assertThat(log.lines.get(log.lines.size() - 1)).startsWith("INFO Packaged " + archive);
        assertThat(Files.readAllBytes(archive)).isNotEqualTo(packed);
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "outputTimestamp", value = "yesterday")
    void aTimeStampThatIsNoneIsNamed(PackageMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        into(mojo);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("project.build.outputTimestamp = 'yesterday': neither an ISO-8601 time such as"
                        + " 2026-01-01T00:00:00Z nor seconds since the epoch");
        assertThat(helm().resolve("demo-1.0.0.tgz")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    void aChartDirectoryWithoutChartYamlIsNamed(PackageMojo mojo) throws Exception {
        into(mojo);
        Path notAChart = Files.createDirectories(buildDirectory.resolve("elsewhere"));
        setVariableValueToObject(mojo, "chartDirectory", notAChart.toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<chartDirectory> = '" + notAChart + "': not a chart directory (no Chart.yaml)");
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipPackagesNothing(PackageMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:package: statefulset.skip is true");
        assertThat(helm().resolve("demo-1.0.0.tgz")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = GOAL, pom = POM)
    @MojoParameter(name = "skipPackage", value = "true")
    void goalSkipPackagesNothing(PackageMojo mojo) throws Exception {
        GoalHarness.chart(buildDirectory, "demo", null);
        RecordingLog log = into(mojo);
        mojo.execute();
        assertThat(log.text()).isEqualTo("INFO Skipping statefulset:package: statefulset.package.skip is true");
        assertThat(helm().resolve("demo-1.0.0.tgz")).doesNotExist();
        assertThat(project.getAttachedArtifacts()).isEmpty();
    }
}
