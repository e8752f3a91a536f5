package io.statefulset.maven;

import io.statefulset.chart.AtomicWrite;
import io.statefulset.chart.ChartMetadata;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.helm.HelmException;
import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.TemplateRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders each chart with real Helm, like {@code helm template} (hooks and tests included), to
 * {@code <outputDirectory>/<chart>-rendered.yaml}, with values overrides: {@code mvn
 * statefulset:template -Dstatefulset.set=replicaCount=3,image.tag=2.0.0}. Runs {@code
 * statefulset:generate} first, with the plugin's {@code <configuration>}, and nothing else.
 */
@Mojo(name = "template", threadSafe = true)
// Forking the goal rather than the lifecycle up to generate-resources: Maven 4 runs the whole
// resources phase for that fork, process-resources (and so statefulset:validate) included, while
// Maven 3 stops at generate-resources. The goal behaves the same on both.
@Execute(goal = "generate")
public class TemplateMojo extends AbstractRenderingMojo {

    /**
     * Values to set, as Helm's {@code --set}: {@code key=value} pairs separated by commas (write
     * {@code \,} for a comma inside a value); {@code a.b=1} sets a nested key, {@code list[0]=x} a
     * list element. Numbers and booleans are typed as Helm types them.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SET)
    private String set;

    /**
     * Values files applied in order, after the chart's defaults and before {@code set}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALUES_FILES)
    private List<File> valuesFiles;

    /**
     * The Kubernetes version to render for (Helm's {@code --kube-version}), e.g. {@code 1.30.0}.
     * Default {@code 1.35.0}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.KUBE_VERSION)
    private String kubeVersion;

    /**
     * The release name to render with.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_NAME, defaultValue = "release-name")
    private String releaseName;

    /**
     * The namespace to render for.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NAMESPACE, defaultValue = "default")
    private String namespace;

    /**
     * Where the charts are, and where {@code <chart>-rendered.yaml} is written.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/helm")
    private File outputDirectory;

    /**
     * One chart directory to render instead of every chart under {@code outputDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CHART_DIRECTORY)
    private File chartDirectory;

    /**
     * Skips {@code statefulset:template}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEMPLATE_SKIP, defaultValue = "false")
    private boolean skipTemplate;

    @Override
    protected Goal goal() {
        return new Goal("statefulset:template", skipTemplate, PropertyNames.TEMPLATE_SKIP);
    }

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        List<Path> charts = chartDirectories(chartDirectory, outputDirectory);
        if (charts.isEmpty()) {
            throw new MojoFailureException("No chart to render in " + outputDirectory
                    + "; configure statefulset:generate, or set " + PropertyNames.CHART_DIRECTORY);
        }
        TemplateRequest request = new TemplateRequest(
                releaseName,
                namespace,
                parseSet(set),
                valuesPaths(),
                kubeVersion == null || kubeVersion.isBlank() ? TemplateRequest.DEFAULT_KUBE_VERSION : kubeVersion);
        HelmRunner helm = helm();
        for (Path chart : charts) {
            try {
                String rendered = helm.template(chart, request);
                Path target = outputDirectory
                        .toPath()
                        .resolve(ChartMetadata.read(chart).name() + "-rendered.yaml");
                AtomicWrite.text(target, rendered);
                getLog().info("Rendered " + chart.getFileName() + " to " + target);
            } catch (HelmException e) {
                throw new MojoFailureException(
                        "helm template " + chart.getFileName() + " failed: " + e.getMessage(), e);
            } catch (RefusedInputException e) {
                throw new MojoFailureException("Cannot render " + chart + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the rendered chart: " + e.getMessage(), e);
            }
        }
    }

    /** {@code a=1,b.c=x\,y} into ordered pairs; a pair without '=' or an empty key is the user's mistake. */
    static Map<String, String> parseSet(String set) throws MojoFailureException {
        Map<String, String> values = new LinkedHashMap<>();
        if (set == null || set.isBlank()) {
            return values;
        }
        for (String pair : set.split("(?<!\\\\),")) {
            String unescaped = pair.replace("\\,", ",").trim();
            int eq = unescaped.indexOf('=');
            if (eq <= 0) {
                throw new MojoFailureException("<set> = '" + set + "': '" + unescaped + "' is not key=value; write e.g."
                        + " -D" + PropertyNames.SET + "=replicaCount=3,image.tag=2.0.0");
            }
            values.put(unescaped.substring(0, eq).trim(), unescaped.substring(eq + 1));
        }
        return values;
    }

    private List<Path> valuesPaths() throws MojoFailureException {
        return valuesFiles(valuesFiles, "<valuesFiles>");
    }
}
