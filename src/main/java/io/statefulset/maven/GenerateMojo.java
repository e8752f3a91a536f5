package io.statefulset.maven;

import io.statefulset.chart.ChartGenerator;
import io.statefulset.chart.ChartRejectedException;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.Fingerprint;
import io.statefulset.chart.GenerateRecord;
import io.statefulset.chart.InvalidChartSpecException;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.chart.UserTemplates;
import io.statefulset.chart.model.Maintainer;
import io.statefulset.chart.model.ProjectInfo;
import io.statefulset.chart.model.RawConfiguration;
import io.statefulset.helm.HelmChartCheck;
import io.statefulset.maven.config.Chart;
import io.statefulset.maven.config.ConfigFiles;
import io.statefulset.maven.config.Hook;
import io.statefulset.maven.config.Image;
import io.statefulset.maven.config.Metrics;
import io.statefulset.maven.config.NetworkPolicy;
import io.statefulset.maven.config.Port;
import io.statefulset.maven.config.Probes;
import io.statefulset.maven.config.Resources;
import io.statefulset.maven.config.RetentionPolicy;
import io.statefulset.maven.config.SecretEnvVariable;
import io.statefulset.maven.config.SecurityContext;
import io.statefulset.maven.config.Service;
import io.statefulset.maven.config.UpdateStrategy;
import io.statefulset.maven.config.VolumeClaimTemplate;
import io.statefulset.maven.config.containers.ExtraContainer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.model.Developer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a Helm chart built around a StatefulSet to {@code target/helm/<chart name>/} from the
 * plugin configuration, and proves it with real Helm ({@code lint --strict}, {@code template})
 * before it replaces the previous chart.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractRenderingMojo {

    /**
     * Chart.yaml metadata: {@code name} (default: artifactId; a DNS-1123 label), {@code version}
     * (default: project version made SemVer, e.g. {@code 1.0-SNAPSHOT} becomes {@code
     * 1.0.0-SNAPSHOT}), {@code appVersion} (default: project version), {@code description}, {@code
     * kubeVersion} (e.g. {@code >=1.27.0-0}), {@code home}, {@code icon}, {@code sources}, {@code
     * maintainers}, {@code keywords}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Chart chart;

    /**
     * The application image: {@code repository} (required, without tag), {@code tag} (default: the
     * chart's appVersion) and {@code pullPolicy} ({@code Always}, {@code IfNotPresent} (default),
     * {@code Never}).
     *
     * @since 0.1.0
     */
    @Parameter
    private Image image;

    /**
     * Number of pods. Default 1.
     *
     * @since 0.1.0
     */
    @Parameter
    private Integer replicas;

    /**
     * {@code OrderedReady} (default: pods start and stop one at a time in ordinal order) or {@code
     * Parallel}. Immutable after the first install.
     *
     * @since 0.1.0
     */
    @Parameter
    private String podManagementPolicy;

    /**
     * How pods are replaced on upgrade: {@code type} {@code RollingUpdate} (default) or {@code
     * OnDelete}; for RollingUpdate {@code partition} (default 0; only ordinals at or above it are
     * updated, at most {@code replicas}) and {@code maxUnavailable} (a number of at least 1 or a
     * percentage; more than 1 replaces several pods at once where Kubernetes honours it: by default
     * on 1.37+ and 1.35.0 to 1.35.3, otherwise with the MaxUnavailableStatefulSet feature gate).
     *
     * @since 0.1.0
     */
    @Parameter
    private UpdateStrategy updateStrategy;

    /**
     * Seconds a new pod must be ready before it counts as available. Default 0.
     *
     * @since 0.1.0
     */
    @Parameter
    private Integer minReadySeconds;

    /**
     * Controller revisions kept for rollback. Default 10.
     *
     * @since 0.1.0
     */
    @Parameter
    private Integer revisionHistoryLimit;

    /**
     * Seconds between SIGTERM and SIGKILL. Default 30.
     *
     * @since 0.1.0
     */
    @Parameter
    private Integer terminationGracePeriodSeconds;

    /**
     * Container ports, each {@code <port><name>http</name><containerPort>8080</containerPort></port>}
     * with an optional {@code protocol} (TCP, UDP, SCTP; default TCP). The headless Service
     * publishes all of them.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Port> ports;

    /**
     * The client Service: {@code enabled} (default true), {@code type} (ClusterIP (default),
     * NodePort, LoadBalancer), {@code port} (default: the first container port), {@code targetPort}
     * (a port name; default: the first port), {@code nodePort}. Without this element a ClusterIP
     * Service fronts the first port; there is none if no port is declared.
     *
     * @since 0.1.0
     */
    @Parameter
    private Service service;

    /**
     * Per-pod volumes: each {@code <volumeClaimTemplate>} has a {@code name} (DNS-1123 label), an
     * absolute {@code mountPath}, a {@code size} (a Kubernetes quantity, default 1Gi), {@code
     * accessModes} (default ReadWriteOnce) and a {@code storageClassName} (absent: cluster default;
     * {@code -}: no dynamic provisioning). Immutable after the first install.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<VolumeClaimTemplate> volumeClaimTemplates;

    /**
     * {@code whenDeleted} and {@code whenScaled}: {@code Retain} (default; PVCs outlive the
     * release) or {@code Delete}.
     *
     * @since 0.1.0
     */
    @Parameter
    private RetentionPolicy persistentVolumeClaimRetentionPolicy;

    /**
     * Environment variables, one element per variable: {@code <env><DATA_DIR>/app/data</DATA_DIR></env>}.
     * Values reach the container exactly as written: the chart escapes {@code $(NAME)} and {@code $$},
     * which Kubernetes would otherwise expand. For values that refer to other variables, use {@code
     * <expandedEnv>}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> env;

    /**
     * Environment variables read from existing Secrets: {@code <variable><name>…</name><secretName>…</secretName><key>…</key></variable>},
     * optionally {@code <optional>true</optional>}. The chart holds only the reference, never the
     * value.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<SecretEnvVariable> secretEnv;

    /**
     * Environment variables whose values Kubernetes expands, one element per variable: {@code
     * <expandedEnv><DATA_URL>file://$(DATA_DIR)/visits</DATA_URL></expandedEnv>}. A {@code $(NAME)}
     * becomes the value of the variable {@code NAME} if the container defines it before this one:
     * in {@code <env>}, in {@code <secretEnv>}, or in {@code <expandedEnv>} under a name that sorts
     * earlier (variables are listed in that order, each group sorted by name); otherwise it stays as
     * written. {@code $$} gives a literal {@code $}. The values are passed to Kubernetes as they are.
     * Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> expandedEnv;

    /**
     * Pod annotations as {@code <property><name>…</name><value>…</value></property>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Properties podAnnotations;

    /**
     * Extra pod labels as {@code <property><name>…</name><value>…</value></property>}; they never
     * enter the selector.
     *
     * @since 0.1.0
     */
    @Parameter
    private Properties podLabels;

    /**
     * Requests and limits of the application container: {@code <requests>} and {@code <limits>},
     * each with {@code cpu}, {@code memory}, {@code ephemeralStorage}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Resources resources;

    /**
     * {@code readiness}, {@code liveness} and {@code startup} probes, each with {@code path} (HTTP
     * GET; absent: TCP), {@code port} (a declared port name or a number; default: the first port),
     * {@code initialDelaySeconds}, {@code periodSeconds}, {@code timeoutSeconds}, {@code
     * failureThreshold}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Probes probes;

    /**
     * {@code runAsUser}, {@code runAsGroup} and {@code fsGroup} of the pods (default 10001 each),
     * e.g. {@code <securityContext><runAsUser>1000</runAsUser></securityContext>}. The rest of the
     * security context is fixed to the Pod Security Standard "restricted", {@code runAsNonRoot:
     * true} included, so {@code runAsUser} 0 (root) is refused; group 0 is allowed.
     *
     * @since 0.1.0
     */
    @Parameter
    private SecurityContext securityContext;

    /**
     * Helm hooks, each run as a Job {@code <release>-<chart>-<name>}: {@code name}, {@code events}
     * (any of pre-/post-install, -upgrade, -rollback, -delete, and test; Helm 2's test-success is
     * written as test), {@code weight} (default 0), {@code deletePolicies} (default
     * before-hook-creation), {@code image} (required), {@code command}, {@code args}, {@code
     * backoffLimit} (default 1), {@code activeDeadlineSeconds} (default 300), {@code
     * ttlSecondsAfterFinished}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Hook> hooks;

    /**
     * Containers that run to completion, in this order, before the application starts, e.g. {@code
     * <initContainer><name>restore</name><image>registry.example/tools:1.4.2</image><command><arg>tools</arg><arg>restore</arg></command></initContainer>}.
     * Each has a {@code name} (unique among the pod's containers), an {@code image} with its tag or
     * digest, and optionally {@code command}, {@code args}, {@code env} (as the application's) and
     * {@code resources} (default: requests 10m/16Mi, limits 100m/64Mi, as the hooks'). They run with
     * the application's restricted security context and mount every claim at its mount path, and
     * {@code /tmp}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<ExtraContainer> initContainers;

    /**
     * Containers that run beside the application, e.g. {@code
     * <sidecar><name>shipper</name><image>registry.example/shipper:3.1.0</image><ports><port><name>ship-admin</name><containerPort>2020</containerPort></port></ports></sidecar>}.
     * The same elements as {@code <initContainers>}, plus {@code ports} ({@code name},
     * {@code containerPort}, {@code protocol}, and {@code publish}, default false, to add the port to
     * the headless Service; names and numbers unique in the pod). On Kubernetes 1.29 and later they
     * are native sidecars (init containers with {@code restartPolicy: Always}, started before the
     * application and stopped after it), on older clusters plain containers; the chart decides from
     * the cluster's version when it is rendered. They mount {@code /tmp}. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<ExtraContainer> sidecars;

    /**
     * Configuration files: every file of {@code directory} (e.g. {@code src/main/k8s/config},
     * relative to the project) becomes one key of the ConfigMap {@code <release>-<chart>-config},
     * mounted read-only in the application container at {@code mountPath} (required, e.g. {@code
     * /etc/app}). The files reach the pod byte for byte ({@code ${...}}, {@code {{ }}} and non-ASCII
     * text as written; files that are not UTF-8 go to {@code binaryData}), and a {@code
     * checksum/config} pod annotation over their content rolls the pods when a file changes. File
     * names must be ConfigMap keys ({@code [-._a-zA-Z0-9]+}), the directory has no subdirectories,
     * and all files together hold at most 1 MiB. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private ConfigFiles configFiles;

    /**
     * A NetworkPolicy for the application's pods, e.g. {@code
     * <networkPolicy><enabled>true</enabled></networkPolicy>}: ingress on every container port is
     * allowed from the pods of the same release (the StatefulSet's peers, its hook and test pods),
     * and from the peers given in the values key {@code networkPolicy.allowFrom}; egress stays
     * unrestricted unless {@code networkPolicy.egress} lists rules. {@code enabled} defaults to false.
     *
     * @since 0.1.0
     */
    @Parameter
    private NetworkPolicy networkPolicy;

    /**
     * Prometheus metrics, e.g. {@code
     * <metrics><port>metrics</port><path>/metrics</path><serviceMonitor>true</serviceMonitor></metrics>}:
     * {@code port} (required) names a container port of {@code <ports>} or of a sidecar, which joins
     * the headless Service; {@code path} defaults to {@code /metrics}; {@code serviceMonitor}
     * (default false) adds a Prometheus Operator ServiceMonitor ({@code monitoring.coreos.com/v1})
     * that scrapes the pods through the headless Service. Without one, the values key {@code
     * metrics.annotations} adds {@code prometheus.io/scrape}, {@code port} and {@code path} pod
     * annotations. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter
    private Metrics metrics;

    /**
     * Adds a {@code helm test} pod that requests the application through its Service. Default: true
     * when a port is declared.
     *
     * @since 0.1.0
     */
    @Parameter
    private Boolean connectionTest;

    /**
     * Image of the connection test; it needs {@code wget}. Default {@code busybox:1.36}.
     *
     * @since 0.1.0
     */
    @Parameter
    private String connectionTestImage;

    /**
     * Names of Secrets with registry credentials for pulling the images.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> imagePullSecrets;

    /**
     * Node labels the pods must match, as {@code <property><name>kubernetes.io/os</name><value>linux</value></property>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Properties nodeSelector;

    /**
     * Keeps the replicas apart with a pod anti-affinity term on the pods' own selector labels and
     * topology key {@code kubernetes.io/hostname}: {@code soft} (default: preferred, weight 100; the
     * scheduler still places a pod when every node has one), {@code hard} (required: a pod stays
     * Pending rather than share a node) or {@code none}, e.g. {@code
     * <podAntiAffinity>hard</podAntiAffinity>}. An {@code affinity} given at install time replaces it.
     *
     * @since 0.1.0
     */
    @Parameter
    private String podAntiAffinity;

    /**
     * The rollout strategy: {@code rolling} (default: RollingUpdate as {@code <updateStrategy>}
     * says), {@code canary} (the {@code canaryReplicas} highest ordinals get a new version first;
     * {@code helm upgrade --set canary.promote=true} rolls it out to all), {@code blueGreen} (two
     * StatefulSets, {@code -blue} and {@code -green}; the client Service follows {@code
     * blueGreen.activeSlot}), {@code recreate} (OnDelete, and a post-upgrade hook deletes the pods so
     * that all come back on the new version), {@code ramped} (RollingUpdate with {@code
     * minReadySeconds}, default 30, and {@code maxUnavailable}, default 25%). {@code shadow} and
     * {@code abTesting} need traffic mirroring or routing a chart cannot do and are refused.
     *
     * @since 0.1.0
     */
    @Parameter
    private String strategy;

    /**
     * For {@code canary}: how many pods (the highest ordinals) get the new version first. Default 1;
     * less than {@code replicas}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Integer canaryReplicas;

    /**
     * For {@code canary}: add a Service per canary pod ({@code <release>-<chart>-canary-<ordinal>},
     * selecting it by {@code statefulset.kubernetes.io/pod-name}) to test it directly. Default true.
     *
     * @since 0.1.0
     */
    @Parameter
    private Boolean canaryService;

    /**
     * For {@code blueGreen}: the slot ({@code blue} or {@code green}) the client Service sends
     * traffic to at install. Default {@code blue}.
     *
     * @since 0.1.0
     */
    @Parameter
    private String activeSlot;

    /**
     * For {@code blueGreen}: replicas of the idle slot; 0 scales it down. Default: {@code replicas}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Integer idleSlotReplicas;

    /**
     * For {@code recreate}: the image with {@code kubectl} that deletes the pods after an upgrade.
     * Default {@code registry.k8s.io/kubectl:v1.35.0}.
     *
     * @since 0.1.0
     */
    @Parameter
    private String recreateImage;

    /**
     * Directory of your own templates, copied into the chart's {@code templates/} next to the
     * bundled ones (which they may not replace).
     *
     * @since 0.1.0
     */
    @Parameter(
            property = PropertyNames.TEMPLATES_DIRECTORY,
            defaultValue = "${project.basedir}/src/main/helm/templates")
    private File templatesDirectory;

    /**
     * Where charts are written; the chart goes to {@code <outputDirectory>/<chart name>/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/helm")
    private File outputDirectory;

    /**
     * Skips {@code statefulset:generate}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GENERATE_SKIP, defaultValue = "false")
    private boolean skipGenerate;

    @Override
    protected Goal goal() {
        return new Goal("statefulset:generate", skipGenerate, PropertyNames.GENERATE_SKIP);
    }

    @Override
    protected void doExecute() throws MojoExecutionException, MojoFailureException {
        GenerateRecord record = new GenerateRecord(stateDirectory().toPath(), executionId());
        String inputs = inputs();
        try {
            Optional<GenerateRecord.Run> unchanged = inputs == null ? Optional.empty() : record.unchanged(inputs);
            if (unchanged.isPresent()) {
                upToDate(unchanged.get());
                return;
            }
            record.forget();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read " + stateDirectory() + ": " + e.getMessage(), e);
        }
        HelmChartCheck check = new HelmChartCheck(helm());
        Map<String, byte[]> userTemplates;
        try {
            userTemplates = UserTemplates.read(templatesDirectory == null ? null : templatesDirectory.toPath());
        } catch (RefusedInputException e) {
            throw new MojoFailureException("<templatesDirectory> = '" + templatesDirectory + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read " + templatesDirectory + ": " + e.getMessage(), e);
        }
        try {
            ChartGenerator.Result result = ChartGenerator.generate(
                    configuration(),
                    projectInfo(),
                    userTemplates,
                    outputDirectory.toPath(),
                    check,
                    stateDirectory().toPath());
            GenerateRecord.Run run = new GenerateRecord.Run(
                    result.chartDirectory(),
                    result.model().chart().name() + " " + result.model().chart().version(),
                    result.warnings().stream().map(ConfigProblem::toString).toList());
            if (result.upToDate()) {
                upToDate(run);
            } else {
                run.warnings().forEach(getLog()::warn);
                getLog().info("Generated chart " + run.chart() + " in " + run.chartDirectory());
            }
            if (inputs != null) {
                record.remember(inputs, run);
            }
        } catch (InvalidChartSpecException e) {
            throw new MojoFailureException("Invalid statefulset-maven-plugin configuration. " + e.getMessage(), e);
        } catch (ChartRejectedException e) {
            throw new MojoFailureException(
                    "The generated chart was rejected and not written; the previous chart is unchanged. "
                            + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Could not write the chart to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }

    private void upToDate(GenerateRecord.Run run) {
        run.warnings().forEach(getLog()::warn);
        getLog().info("Chart " + run.chart() + " is up to date in " + run.chartDirectory()
                + " (configuration, templates and plugin unchanged); nothing to do");
    }

    /**
     * Everything the chart is made of, as written: the plugin build, the project's metadata, every
     * parameter of this goal, and the content of every file or directory a parameter names (the
     * templates, the config files) except the output. Null when an input cannot be read as a chart
     * input (a link out, a device): the full run then says what is wrong with it.
     */
    private String inputs() {
        ParameterText parameters = ParameterText.of(this, GenerateMojo.class);
        Fingerprint inputs = Fingerprint.start()
                .add("plugin", pluginIdentity())
                .add(
                        "project",
                        ParameterText.of(projectInfo(), ProjectInfo.class).text())
                .add("parameters", parameters.text());
        try {
            for (Path file : parameters.files()) {
                if (!file.equals(outputDirectory.toPath())) {
                    inputs.addTree(file.toAbsolutePath().toString(), file);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return inputs.hex();
    }

    /** Where up-to-date records are kept. */
    private java.io.File stateDirectory() {
        return new java.io.File(project.getBuild().getDirectory(), "statefulset");
    }

    /** The POM configuration as written, for the core to resolve. */
    RawConfiguration configuration() {
        return new PomConfiguration();
    }

    /**
     * The parameters of this goal, read as the core's raw configuration. Inside this class {@code
     * Chart}, {@code Port} and the other element types name the raw interfaces, which the parameter
     * beans of {@code maven.config} implement.
     */
    private final class PomConfiguration implements RawConfiguration {
        @Override
        public Chart chart() {
            return chart;
        }

        @Override
        public Image image() {
            return image;
        }

        @Override
        public Integer replicas() {
            return replicas;
        }

        @Override
        public String podManagementPolicy() {
            return podManagementPolicy;
        }

        @Override
        public UpdateStrategy updateStrategy() {
            return updateStrategy;
        }

        @Override
        public Integer minReadySeconds() {
            return minReadySeconds;
        }

        @Override
        public Integer revisionHistoryLimit() {
            return revisionHistoryLimit;
        }

        @Override
        public Integer terminationGracePeriodSeconds() {
            return terminationGracePeriodSeconds;
        }

        @Override
        public List<? extends Port> ports() {
            return ports;
        }

        @Override
        public Service service() {
            return service;
        }

        @Override
        public List<? extends VolumeClaimTemplate> volumeClaimTemplates() {
            return volumeClaimTemplates;
        }

        @Override
        public RetentionPolicy persistentVolumeClaimRetentionPolicy() {
            return persistentVolumeClaimRetentionPolicy;
        }

        @Override
        public Map<String, String> env() {
            return nullsAsEmpty(env);
        }

        @Override
        public List<? extends SecretEnvVariable> secretEnv() {
            return secretEnv;
        }

        @Override
        public Map<String, String> expandedEnv() {
            return nullsAsEmpty(expandedEnv);
        }

        @Override
        public Map<String, String> podAnnotations() {
            return toMap(podAnnotations);
        }

        @Override
        public Map<String, String> podLabels() {
            return toMap(podLabels);
        }

        @Override
        public Resources resources() {
            return resources;
        }

        @Override
        public Probes probes() {
            return probes;
        }

        @Override
        public SecurityContext securityContext() {
            return securityContext;
        }

        @Override
        public List<? extends Hook> hooks() {
            return hooks;
        }

        @Override
        public List<? extends ExtraContainer> initContainers() {
            return initContainers;
        }

        @Override
        public List<? extends ExtraContainer> sidecars() {
            return sidecars;
        }

        @Override
        public ConfigFiles configFiles() {
            return configFiles;
        }

        @Override
        public NetworkPolicy networkPolicy() {
            return networkPolicy;
        }

        @Override
        public Metrics metrics() {
            return metrics;
        }

        @Override
        public Boolean connectionTest() {
            return connectionTest;
        }

        @Override
        public String connectionTestImage() {
            return connectionTestImage;
        }

        @Override
        public List<String> imagePullSecrets() {
            return imagePullSecrets;
        }

        @Override
        public Map<String, String> nodeSelector() {
            return toMap(nodeSelector);
        }

        @Override
        public String podAntiAffinity() {
            return podAntiAffinity;
        }

        @Override
        public String strategy() {
            return strategy;
        }

        @Override
        public Integer canaryReplicas() {
            return canaryReplicas;
        }

        @Override
        public Boolean canaryService() {
            return canaryService;
        }

        @Override
        public String activeSlot() {
            return activeSlot;
        }

        @Override
        public Integer idleSlotReplicas() {
            return idleSlotReplicas;
        }

        @Override
        public String recreateImage() {
            return recreateImage;
        }
    }

    private ProjectInfo projectInfo() {
        List<Maintainer> developers = project.getDevelopers().stream()
                .map((Developer d) ->
                        new Maintainer(d.getName() != null ? d.getName() : d.getId(), d.getEmail(), d.getUrl()))
                .filter(m -> m.name() != null)
                .toList();
        return new ProjectInfo(
                project.getArtifactId(),
                project.getVersion(),
                project.getDescription(),
                project.getUrl(),
                project.getScm() == null ? null : project.getScm().getUrl(),
                developers);
    }

    /** An element written as {@code <NAME/>} arrives as null; it means the empty string. */
    private static Map<String, String> nullsAsEmpty(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        Map<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return copy;
    }

    private static Map<String, String> toMap(Properties properties) {
        if (properties == null) {
            return null;
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
