package io.statefulset.maven;

import static io.statefulset.chart.SpecialFiles.PASSWD_LINE;
import static io.statefulset.chart.SpecialFiles.chart;
import static io.statefulset.chart.SpecialFiles.link;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statefulset.chart.SpecialFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What validate and template make of input a user got wrong (a chart linking out of itself, text
 * that is not UTF-8, a damaged previous chart), and the mode of what they write.
 */
@MojoTest
class InputEdgesMojoTest {
    private static final String PLUGIN = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:";
    private static final String POM = "src/test/resources/unit/validate/pom.xml";

    @TempDir
    Path buildDirectory;

    @Provides
    MavenProject project() {
        Model model = new Model();
        model.setGroupId("io.statefulset.test");
        model.setArtifactId("validate-inputs");
        model.setVersion("1.0-SNAPSHOT");
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(POM).getAbsoluteFile());
        return project;
    }

    private Path reports() {
        return buildDirectory.resolve("statefulset");
    }

    private void validateInto(ValidateMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "reportsDirectory", reports().toFile());
        setVariableValueToObject(
                mojo, "outputDirectory", buildDirectory.resolve("helm").toFile());
    }

    @Test
    @InjectMojo(goal = PLUGIN + "validate", pom = POM)
    void aChartLinkingToThePasswordFileFailsTheBuildWithoutShowingIt(ValidateMojo mojo) throws Exception {
        Path chart = chart(buildDirectory, "demo");
        link(chart.resolve("files/passwd"), "/etc/passwd");
        validateInto(mojo);
        setVariableValueToObject(mojo, "chartDirectory", chart.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("statefulset:validate refused its input: files/passwd is a link to /etc/passwd, outside"
                        + " the chart " + chart + "; charts may link only to files inside themselves")
                .hasMessageNotContaining(PASSWD_LINE);
        assertThat(reports()).doesNotExist();
    }

    @Test
    @InjectMojo(goal = PLUGIN + "validate", pom = POM)
    void manifestsThatAreNotUtf8AreNamedWithTheOffset(ValidateMojo mojo) throws Exception {
        Path manifests = buildDirectory.resolve("rendered.yaml");
        byte[] latin1 =
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(manifests, latin1);
        validateInto(mojo);
        setVariableValueToObject(mojo, "manifests", manifests.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<manifests> = '" + manifests + "': " + manifests + " is not UTF-8 text: the byte 0xE9"
                        + " at offset " + (latin1.length - 2) + " does not belong to a UTF-8 character; save the"
                        + " file as UTF-8");
    }

    @Test
    @InjectMojo(goal = PLUGIN + "validate", pom = POM)
    void aValuesFileThatIsNotUtf8NamesTheElement(ValidateMojo mojo) throws Exception {
        Path chart = chart(buildDirectory, "demo");
        Path values = Files.write(buildDirectory.resolve("values-ci.yaml"), new byte[] {'x', ':', ' ', (byte) 0xFF});
        validateInto(mojo);
        setVariableValueToObject(mojo, "chartDirectory", chart.toFile());
        setVariableValueToObject(mojo, "valuesFiles", List.of(values.toFile()));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<valuesFiles> = '" + values + "': " + values + " is not UTF-8 text: the byte 0xFF at"
                        + " offset 3 does not belong to a UTF-8 character; save the file as UTF-8");
    }

    @Test
    @InjectMojo(goal = PLUGIN + "validate", pom = POM)
    void aPreviousChartThatIsNotGzipIsNamed(ValidateMojo mojo) throws Exception {
        Path chart = chart(buildDirectory, "demo");
        Path previous = Files.writeString(buildDirectory.resolve("demo-0.9.0.tgz"), "404 page not found\n");
        validateInto(mojo);
        setVariableValueToObject(mojo, "chartDirectory", chart.toFile());
        setVariableValueToObject(mojo, "previousChart", previous.toString());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith(
                        "statefulset:validate refused its input: " + previous + " is not gzip-compressed (");
    }

    @Test
    @InjectMojo(goal = PLUGIN + "validate", pom = POM)
    void reportsAreReadableByAllAsChartsAre(ValidateMojo mojo) throws Exception {
        Set<PosixFilePermission> newFile = SpecialFiles.newFileMode(buildDirectory);
        assumeTrue(newFile.contains(PosixFilePermission.OTHERS_READ), "the umask lets others read new files");
        validateInto(mojo);
        setVariableValueToObject(
                mojo,
                "manifests",
                Path.of("src/test/resources/validate/clean.yaml").toFile());

        mojo.execute();

        assertThat(Files.getPosixFilePermissions(reports().resolve("validation.json")))
                .isEqualTo(newFile);
        assertThat(Files.getPosixFilePermissions(reports().resolve("validation.sarif")))
                .isEqualTo(newFile);
        try (Stream<Path> files = Files.list(reports())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("validation.json", "validation.sarif");
        }
    }

    @Test
    @InjectMojo(goal = PLUGIN + "template", pom = POM)
    void renderedManifestsAreReadableByAllAsChartsAre(TemplateMojo mojo) throws Exception {
        Set<PosixFilePermission> newFile = SpecialFiles.newFileMode(buildDirectory);
        assumeTrue(newFile.contains(PosixFilePermission.OTHERS_READ), "the umask lets others read new files");
        Path out = Files.createDirectories(buildDirectory.resolve("helm"));
        setVariableValueToObject(
                mojo, "chartDirectory", chart(buildDirectory, "demo").toFile());
        setVariableValueToObject(mojo, "outputDirectory", out.toFile());
        setVariableValueToObject(mojo, "releaseName", "demo");
        setVariableValueToObject(mojo, "namespace", "default");

        mojo.execute();

        assertThat(out.resolve("demo-rendered.yaml")).content().contains("name: demo-config");
        assertThat(Files.getPosixFilePermissions(out.resolve("demo-rendered.yaml")))
                .isEqualTo(newFile);
    }
}
