package io.statefulset.maven;

import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.InvalidChartSpecException;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.chart.Utf8Text;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Skip handling and the check of the configuration as written, shared by every goal; {@link
 * #execute()} is fixed, goals implement {@link #doExecute()}.
 */
public abstract class AbstractStatefulSetMojo extends AbstractMojo {

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** The build: its session data holds the Helm workers every goal and module shares. */
    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    /** The id of this execution of the goal ({@code default} outside a Maven build). */
    protected String executionId() {
        return mojoExecution == null || mojoExecution.getExecutionId() == null
                ? "default"
                : mojoExecution.getExecutionId();
    }

    /** The plugin's version as released, for reports; {@code dev} outside a Maven build. */
    protected String pluginVersion() {
        return plugin == null ? "dev" : plugin.getVersion();
    }

    /**
     * The plugin's version and its jar's size and time (or, run from a directory of classes, their
     * number, total size and newest time): an up-to-date record written by another build of the
     * plugin does not count. (Not a hash of the
     * jar: in a fresh JVM hashing half a megabyte costs more than the rest of an unchanged run.)
     */
    protected String pluginIdentity() {
        if (plugin == null) {
            return "unknown";
        }
        File jar = plugin.getPluginArtifact() == null
                ? null
                : plugin.getPluginArtifact().getFile();
        if (jar != null && jar.isDirectory()) {
            // Classes from a directory (an IDE's workspace build, the plugin's own tests).
            try (Stream<Path> files = Files.walk(jar.toPath())) {
                long[] summary = {0, 0, 0};
                files.map(Path::toFile).filter(File::isFile).forEach(f -> {
                    summary[0]++;
                    summary[1] += f.length();
                    summary[2] = Math.max(summary[2], f.lastModified());
                });
                return plugin.getVersion() + "@dir:" + summary[0] + ":" + summary[1] + ":" + summary[2];
            } catch (IOException | java.io.UncheckedIOException e) {
                return plugin.getVersion() + "@unreadable-" + System.nanoTime();
            }
        }
        if (jar == null) {
            // Run without an artifact (the plugin test harness): the version is all there is.
            return plugin.getVersion();
        }
        if (!jar.isFile()) {
            // Nothing to tell one build of the plugin from another: never reuse a record.
            return plugin.getVersion() + "@unknown-" + System.nanoTime();
        }
        return plugin.getVersion() + "@" + jar.length() + "@" + jar.lastModified();
    }

    /** The project's directory, or the working directory when Maven runs without a POM. */
    protected Path projectRoot() {
        if (project != null && project.getBasedir() != null) {
            return project.getBasedir().toPath().toAbsolutePath();
        }
        return Path.of("").toAbsolutePath();
    }

    /** {@code chartDirectory} if set (it must hold a Chart.yaml), else every chart directly under {@code outputDirectory}. */
    protected static List<Path> chartDirectories(File chartDirectory, File outputDirectory)
            throws MojoFailureException, MojoExecutionException {
        if (chartDirectory != null) {
            if (!Files.isRegularFile(chartDirectory.toPath().resolve("Chart.yaml"))) {
                throw new MojoFailureException(
                        "<chartDirectory> = '" + chartDirectory + "': not a chart directory (no Chart.yaml)");
            }
            return List.of(chartDirectory.toPath());
        }
        if (outputDirectory == null || !outputDirectory.isDirectory()) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(outputDirectory.toPath())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot list " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The values files as paths; one that does not exist, is no regular file, is too large or is not
     * UTF-8 text is the user's mistake, named with its element.
     */
    protected static List<Path> valuesFiles(List<File> files, String element) throws MojoFailureException {
        List<Path> paths = new java.util.ArrayList<>();
        if (files != null) {
            for (File file : files) {
                if (!file.exists()) {
                    throw new MojoFailureException(element + " = '" + file + "': no such file");
                }
                try {
                    Utf8Text.readValuesFile(file.toPath());
                } catch (RefusedInputException e) {
                    throw new MojoFailureException(element + " = '" + file + "': " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new MojoFailureException(element + " = '" + file + "': cannot be read: " + e.getMessage(), e);
                }
                paths.add(file.toPath());
            }
        }
        return paths;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goal().name() + ": " + PropertyNames.SKIP + " is true");
            return;
        }
        if (goal().skipped()) {
            getLog().info("Skipping " + goal().name() + ": " + goal().skipProperty() + " is true");
            return;
        }
        // After the skips: a skipped goal does nothing, not even judge its configuration.
        checkConfigurationAsWritten();
        checkParameters();
        doExecute();
    }

    /**
     * Fails on what Maven's binding would hide: an element no goal declares (Maven 3.8 ignores it,
     * 3.9 only warns), or a parameter or map key given twice. Outside a Maven build (the plugin test
     * harness) there is no model to read.
     */
    private void checkConfigurationAsWritten() throws MojoFailureException {
        if (plugin == null || project == null || mojoExecution == null) {
            return;
        }
        List<ConfigProblem> problems = WrittenConfiguration.problems(plugin, project, mojoExecution);
        if (!problems.isEmpty()) {
            InvalidChartSpecException e = new InvalidChartSpecException(problems);
            throw new MojoFailureException("Invalid statefulset-maven-plugin configuration. " + e.getMessage(), e);
        }
    }

    /**
     * A goal as users type it, e.g. {@code statefulset:generate}, whether its own skip parameter is
     * set, and that parameter's property.
     */
    protected record Goal(String name, boolean skipped, String skipProperty) {}

    /** This goal. */
    protected abstract Goal goal();

    /**
     * Refuses parameter values that are wrong whatever the inputs, before any work: an up-to-date
     * run must not hide them until the next change.
     */
    protected void checkParameters() throws MojoFailureException {}

    protected abstract void doExecute() throws MojoExecutionException, MojoFailureException;
}
