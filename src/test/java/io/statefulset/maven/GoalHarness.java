package io.statefulset.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.project.MavenProject;

/** The project the harness tests of validate, package, template and push build in. */
final class GoalHarness {
    private GoalHarness() {}

    static MavenProject project(String artifactId, String pom, Path buildDirectory) {
        Model model = new Model();
        model.setGroupId("io.statefulset.test");
        model.setArtifactId(artifactId);
        model.setVersion("1.0-SNAPSHOT");
        model.setPackaging("jar");
        Build build = new Build();
        build.setDirectory(buildDirectory.toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(pom).getAbsoluteFile());
        // What package attaches its archive to.
        project.setArtifact(new DefaultArtifact(
                "io.statefulset.test",
                artifactId,
                "1.0-SNAPSHOT",
                "compile",
                "jar",
                null,
                new DefaultArtifactHandler("jar")));
        return project;
    }

    /**
     * Points the goal's {@code outputDirectory} at {@code <build>/helm}, where {@link #chart} writes,
     * and gives it a log that keeps what it says.
     */
    static RecordingLog into(AbstractMojo mojo, Path buildDirectory) throws Exception {
        setVariableValueToObject(
                mojo, "outputDirectory", buildDirectory.resolve("helm").toFile());
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        return log;
    }

    /**
     * A chart as {@code generate} would leave it under {@code <build>/helm}: one ConfigMap, named
     * after the release unless {@code fixedName} gives it a name of its own (which validate's
     * release-scoped-name rule warns about).
     */
    static Path chart(Path buildDirectory, String name, String fixedName) throws Exception {
        Path chart = buildDirectory.resolve("helm").resolve(name);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 1.0.0\n");
        Files.writeString(chart.resolve("values.yaml"), "greeting: hello\n");
        Files.writeString(
                chart.resolve("templates/configmap.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                        + (fixedName == null ? "{{ .Release.Name }}-config" : fixedName)
                        + "\ndata:\n  greeting: {{ .Values.greeting | quote }}\n");
        return chart;
    }
}
