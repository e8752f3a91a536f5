package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every goal checks the configuration as written before it does anything. */
@MojoTest
class ConfigurationAsWrittenMojoTest {
    private static final String POM = "src/test/resources/unit/misleading-config/pom.xml";

    @TempDir
    Path buildDirectory;

    /** The project as Maven reads it, plugin configuration included, building into a temporary directory. */
    @Provides
    MavenProject project() throws Exception {
        Model model;
        try (Reader reader = Files.newBufferedReader(Path.of(POM))) {
            model = new MavenXpp3Reader().read(reader);
        }
        model.getBuild().setDirectory(buildDirectory.toString());
        MavenProject project = new MavenProject(model);
        project.setFile(new File(POM).getAbsoluteFile());
        return project;
    }

    @Test
    @InjectMojo(goal = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:generate", pom = POM)
    void generateRefusesAValuesKeyAndARepeatedEnvKeyAndWritesNothing(GenerateMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Invalid statefulset-maven-plugin configuration. 2 configuration error(s):")
                .hasMessageContaining(
                        "<replicaCount>: no such parameter; did you mean <replicas>? replicaCount is the values key of the generated chart")
                .hasMessageContaining("<env><DATA_DIR>: is given twice ('/app/data' and '/var/data'); keep one");
        assertThat(buildDirectory.resolve("helm")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "io.statefulset:statefulset-maven-plugin:0.1.0-SNAPSHOT:package", pom = POM)
    void otherGoalsCheckItToo(PackageMojo mojo) {
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<replicaCount>: no such parameter");
    }
}
