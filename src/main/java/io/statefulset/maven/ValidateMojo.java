package io.statefulset.maven;

import io.statefulset.chart.RefusedInputException;
import io.statefulset.helm.HelmChartRenderer;
import io.statefulset.maven.config.RuleSetting;
import io.statefulset.validate.ChartRenderer;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.ManifestException;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.ValidationRun;
import io.statefulset.validate.Validator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks charts the way the Kubernetes API server and a careful reviewer would: {@code helm lint
 * --strict}, a strict read of every rendered object, StatefulSet, hook and pod-hardening rules,
 * and, given the previous release's chart, every change an upgrade would be refused. Works on the
 * chart {@code generate} wrote, on any chart directory ({@code -Dstatefulset.chartDirectory}) and
 * on rendered manifests ({@code -Dstatefulset.manifests}), with or without a POM.
 *
 * <p>Rules (id, default severity; {@code mvn statefulset:help -Ddetail} and the README explain each):
 * <!-- rule catalogue: start -->
 * <ul>
 * <li>{@code helm-lint} (error): `helm lint --strict` found an error; Helm will refuse or mis-install the chart.</li>
 * <li>{@code helm-lint-warning} (warning): `helm lint --strict` warns about the chart.</li>
 * <li>{@code helm-lint-info} (off): `helm lint` suggestions, such as an icon in Chart.yaml (off by default).</li>
 * <li>{@code helm-render} (error): The chart does not render with these values: `helm install` would fail the same way.</li>
 * <li>{@code schema-parse} (error): A document that is not valid YAML or not a mapping cannot be applied.</li>
 * <li>{@code schema-unknown-kind} (warning): An apiVersion/kind outside the built-in Kubernetes API (and the Prometheus Operator's ServiceMonitor, read like a built-in kind) is checked by nothing here (a CRD, or a typo).</li>
 * <li>{@code schema-unknown-field} (error): The API server rejects unknown fields (or drops them silently), so the setting never takes effect.</li>
 * <li>{@code schema-wrong-type} (error): The API server refuses a string where a number or boolean belongs (e.g. replicas: "3").</li>
 * <li>{@code schema-required-field} (error): Objects missing required fields are rejected when applied.</li>
 * <li>{@code sts-selector} (error): The selector must be non-empty and match the pod template's labels, or the API server rejects the StatefulSet.</li>
 * <li>{@code sts-restart-policy} (error): StatefulSet pods must use restartPolicy Always and no activeDeadlineSeconds.</li>
 * <li>{@code sts-name-length} (error): Pods get the label controller-revision-hash=&lt;name&gt;-&lt;10 characters&gt;, and label values hold at most 63 (kubernetes#64023).</li>
 * <li>{@code sts-service-name} (warning): Without spec.serviceName pods get no stable DNS names (&lt;pod&gt;.&lt;service&gt;), which peers and clients of a StatefulSet rely on.</li>
 * <li>{@code sts-headless-service} (error): spec.serviceName must name a headless Service (clusterIP: None) that selects the pods, or per-pod DNS never appears.</li>
 * <li>{@code sts-publish-not-ready} (warning): Peers usually need each other's DNS records before they are ready (cluster bootstrap).</li>
 * <li>{@code sts-volume-mount} (error): A volumeMount that names neither a volume nor a claim template is rejected by the API server.</li>
 * <li>{@code sts-unused-claim} (warning): A claim template nothing mounts provisions a volume per pod that holds nothing.</li>
 * <li>{@code sts-unused-volume} (warning): A declared volume that no container mounts is dead configuration, often a mount that was forgotten.</li>
 * <li>{@code sts-shared-claim} (error): Several replicas mounting one PersistentVolumeClaim share one disk; a ReadWriteOnce claim cannot even attach on two nodes.</li>
 * <li>{@code sts-partition} (warning): A partition above replicas updates no pod at all.</li>
 * <li>{@code sts-max-unavailable} (error): maxUnavailable 0 is rejected, and a rollingUpdate block with OnDelete is rejected.</li>
 * <li>{@code sts-max-unavailable-ordered} (warning): maxUnavailable has no effect with podManagementPolicy OrderedReady.</li>
 * <li>{@code sts-retention-policy} (error): persistentVolumeClaimRetentionPolicy accepts only Retain and Delete.</li>
 * <li>{@code sts-termination-grace} (warning): terminationGracePeriodSeconds 0 kills pods without letting them flush their data.</li>
 * <li>{@code sts-no-spread} (warning): Without pod anti-affinity or topologySpreadConstraints on its own pods, the scheduler may put every replica on one node, and losing that node loses them all (and a quorum with them).</li>
 * <li>{@code sts-version-in-immutable} (error): Selector and claim templates are immutable; a version in them breaks every later helm upgrade (helm#7998).</li>
 * <li>{@code hook-unknown-event} (error): Helm silently skips a resource whose helm.sh/hook names no hook event.</li>
 * <li>{@code hook-weight} (error): helm.sh/hook-weight must be an integer written as a string; anything else silently counts as 0.</li>
 * <li>{@code hook-delete-policy} (error): An unknown helm.sh/hook-delete-policy is ignored, so the hook resource is never cleaned up as intended.</li>
 * <li>{@code hook-bare-pod} (warning): A bare Pod hook gets no retries, deadline or TTL; a Job does.</li>
 * <li>{@code hook-no-cleanup} (warning): Hook resources are not part of the release; without a delete policy or TTL they outlive helm uninstall.</li>
 * <li>{@code release-scoped-name} (warning): Fixed object names collide when two releases share a namespace ("already exists", helm#1679).</li>
 * <li>{@code pod-security-restricted} (warning): Namespaces enforcing the Pod Security Standard 'restricted' refuse these pods, and they run with more privilege than needed.</li>
 * <li>{@code image-tag} (warning): 'latest' or no tag makes every node run whatever it pulled first (with IfNotPresent) and breaks rollbacks.</li>
 * <li>{@code probe-readiness} (warning): Without a readiness probe a pod gets traffic, and OrderedReady starts the next pod, before it can serve.</li>
 * <li>{@code probe-port-unknown} (error): A probe on a port name the container does not declare never succeeds, so the pod never becomes ready.</li>
 * <li>{@code probe-port-undeclared} (info): A probe on a port number the container does not declare works, but hides a port from readers and Services.</li>
 * <li>{@code resources} (warning): Without cpu and memory requests and limits the scheduler cannot reserve room and one pod can starve the rest.</li>
 * <li>{@code pdb-missing} (warning): With more than one replica and no PodDisruptionBudget, a node drain may evict every pod at once.</li>
 * <li>{@code secret-embedded} (error): Secret values in a chart end up in its package, its repository and every release's history.</li>
 * <li>{@code upgrade-immutable-field} (error): helm upgrade fails when it changes a StatefulSet's selector, serviceName, podManagementPolicy or volumeClaimTemplates.</li>
 * <li>{@code upgrade-statefulset-removed} (warning): A StatefulSet that disappears or is renamed in an upgrade leaves its PVCs (and data) behind, unused.</li>
 * </ul>
 * <!-- rule catalogue: end -->
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractPreviousChartMojo {

    /**
     * The chart directory to validate (any Helm chart). Default: every chart under {@code
     * outputDirectory}, i.e. what {@code generate} wrote.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CHART_DIRECTORY)
    private File chartDirectory;

    /**
     * A rendered multi-document YAML stream to validate instead of a chart, e.g. {@code helm
     * template} output.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFESTS)
    private File manifests;

    /**
     * The release name to render with. Default for charts: {@code release-name}; for manifests:
     * the objects' {@code app.kubernetes.io/instance} label.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_NAME)
    private String releaseName;

    /**
     * Extra values files, each rendered and checked as a variant of its own on top of the chart's
     * defaults (like chart-testing's {@code ci/*-values.yaml}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALUES_FILES)
    private List<File> valuesFiles;

    /**
     * Re-grades rules: {@code <rules><rule><id>image-tag</id><severity>off</severity></rule></rules>};
     * severities {@code error}, {@code warning}, {@code info}, {@code off}. A single object can
     * opt out with the annotation {@code validate.statefulset.io/skip: "rule-id,…"}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<RuleSetting> rules;

    /**
     * The severity from which a finding fails the build: {@code error}, {@code warning} or {@code
     * info}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FAIL_ON, defaultValue = "error")
    private String failOn;

    /**
     * The Kubernetes version to render for (Helm's {@code --kube-version}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.KUBE_VERSION)
    private String kubeVersion;

    /**
     * Where charts are looked for when {@code chartDirectory} is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/helm")
    private File outputDirectory;

    /**
     * Where {@code validation.json} and {@code validation.sarif} are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPORTS_DIRECTORY, defaultValue = "${project.build.directory}/statefulset")
    private File reportsDirectory;

    /**
     * Skips {@code statefulset:validate}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALIDATE_SKIP, defaultValue = "false")
    private boolean skipValidate;

    @Override
    protected Goal goal() {
        return new Goal("statefulset:validate", skipValidate, PropertyNames.VALIDATE_SKIP);
    }

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        Path root = projectRoot();
        // Without a POM, Maven leaves ${project.build.directory} unresolved: write under ./target then.
        Path reports = reportsDirectory.getPath().contains("${")
                ? root.resolve("target/statefulset")
                : reportsDirectory.toPath();
        try {
            if (manifests != null) {
                if (!Files.exists(manifests.toPath())) {
                    throw new MojoFailureException("<manifests> = '" + manifests + "': no such file");
                }
                ValidationRun.Checks checks = checks();
                ValidationLog.report(
                        getLog(), run(root, reports, List.of()).manifests(checks, manifests.toPath()), root, checks);
                return;
            }
            List<Path> chartDirs = chartDirectories(chartDirectory, outputDirectory);
            if (chartDirs.isEmpty()) {
                getLog().warn("No chart to validate in " + outputDirectory + "; run statefulset:generate first, or set "
                        + PropertyNames.CHART_DIRECTORY + " or " + PropertyNames.MANIFESTS);
                return;
            }
            Path previous = previousChart(root, reports.resolve("previous"));
            ValidationRun run = run(root, reports, valuesFiles(valuesFiles, "<valuesFiles>"));
            // Decided before any rule, Kubernetes model or Helm is loaded: an unchanged re-run costs nothing.
            if (run.isUpToDate(chartDirs, previous)) {
                getLog().info("statefulset:validate: up to date (charts, values and rules unchanged since they last"
                        + " passed); nothing to do");
                return;
            }
            ValidationRun.Checks checks = checks();
            ValidationLog.report(getLog(), run.charts(checks, chartDirs, previous), root, checks);
        } catch (ChartRenderer.RenderStoppedException e) {
            throw new MojoFailureException("statefulset:validate stopped: " + e.getMessage(), e);
        } catch (ManifestException e) {
            throw new MojoFailureException("Cannot validate " + manifests + ": " + e.getMessage(), e);
        } catch (RefusedInputException e) {
            // A chart linking out of itself, a device, a damaged archive, a stream that is not UTF-8.
            String element = manifests != null
                    ? "<manifests> = '" + manifests + "': "
                    : "statefulset:validate refused its input: ";
            throw new MojoFailureException(element + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Validation could not read or write its files: " + e.getMessage(), e);
        }
    }

    private ValidationRun run(Path root, Path reports, List<Path> values) {
        return new ValidationRun(new ValidationRun.Setup(
                "failOn=" + failOn + " " + ruleLevels(),
                releaseName,
                values,
                reports,
                root,
                pluginVersion(),
                pluginIdentity(),
                "kubeVersion=" + kubeVersion));
    }

    /** The rules as configured and what applies them: only built when there is something to check. */
    private ValidationRun.Checks checks() throws MojoFailureException, MojoExecutionException {
        ValidationConfig config;
        try {
            config = ValidationConfig.parse(ruleLevels(), failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        return new ValidationRun.Checks(
                new ChartValidator(new HelmChartRenderer(helm(), kubeVersion), new Validator(config)), config);
    }

    private List<ValidationConfig.RuleLevel> ruleLevels() {
        return rules == null
                ? List.of()
                : rules.stream().map(RuleSetting::level).toList();
    }
}
