package io.statefulset.chart;

import io.statefulset.chart.model.RawConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: a raw configuration written like the POM's {@code <configuration>}, one named
 * setter per element; anything not set is absent, as in a POM that leaves it out. Start from
 * {@link SampleConfigs} and change what a test is about. Elements with a required part have a
 * factory ({@code claim("data")}); the others are made with their constructor ({@code new
 * ServiceConfig()}).
 */
public final class RawConfig implements RawConfiguration {
    private ChartConfig chart;
    private ImageConfig image;
    private Integer replicas;
    private String podManagementPolicy;
    private UpdateStrategyConfig updateStrategy;
    private Integer minReadySeconds;
    private Integer revisionHistoryLimit;
    private Integer terminationGracePeriodSeconds;
    private List<PortConfig> ports;
    private ServiceConfig service;
    private List<ClaimConfig> volumeClaimTemplates;
    private RetentionConfig persistentVolumeClaimRetentionPolicy;
    private Map<String, String> env;
    private List<SecretEnvConfig> secretEnv;
    private Map<String, String> expandedEnv;
    private Map<String, String> podAnnotations;
    private Map<String, String> podLabels;
    private ResourcesConfig resources;
    private ProbesConfig probes;
    private SecurityConfig securityContext;
    private List<HookConfig> hooks;
    private List<ContainerConfig> initContainers;
    private List<ContainerConfig> sidecars;
    private ConfigFilesConfig configFiles;
    private Boolean networkPolicy;
    private MetricsConfig metrics;
    private Boolean connectionTest;
    private String connectionTestImage;
    private List<String> imagePullSecrets;
    private Map<String, String> nodeSelector;
    private String podAntiAffinity;
    private String strategy;
    private Integer canaryReplicas;
    private Boolean canaryService;
    private String activeSlot;
    private Integer idleSlotReplicas;
    private String recreateImage;

    public static ChartConfig chart(String name) {
        return new ChartConfig().name(name);
    }

    public static ImageConfig image(String repository) {
        return new ImageConfig().repository(repository);
    }

    /** An {@code <updateStrategy>} with this {@code <type>} ({@code null} for none). */
    public static UpdateStrategyConfig updateType(String type) {
        return new UpdateStrategyConfig().type(type);
    }

    public static PortConfig port(String name, Integer containerPort) {
        return new PortConfig().name(name).containerPort(containerPort);
    }

    public static ClaimConfig claim(String name) {
        return new ClaimConfig().name(name);
    }

    public static RetentionConfig retention(String whenDeleted, String whenScaled) {
        return new RetentionConfig().whenDeleted(whenDeleted).whenScaled(whenScaled);
    }

    public static SecretEnvConfig secretEnv(String name, String secretName, String key) {
        return new SecretEnvConfig().name(name).secretName(secretName).key(key);
    }

    /** An HTTP probe of {@code path}, or a TCP probe when it is {@code null}. */
    public static ProbeConfig probe(String path) {
        return new ProbeConfig().path(path);
    }

    public static HookConfig hook(String name) {
        return new HookConfig().name(name);
    }

    /** An {@code <initContainer>} or {@code <sidecar>}. */
    public static ContainerConfig container(String name, String image) {
        return new ContainerConfig().name(name).image(image);
    }

    /** A {@code <port>} of a sidecar. */
    public static ExtraPortConfig sidecarPort(String name, Integer containerPort) {
        return new ExtraPortConfig().name(name).containerPort(containerPort);
    }

    /** This configuration's {@code <chart>} with another name (a {@code <chart>} is added when absent). */
    public RawConfig chartName(String name) {
        chart = (chart == null ? new ChartConfig() : chart).name(name);
        return this;
    }

    /** This configuration's {@code <chart>} with other versions (a {@code <chart>} is added when absent). */
    public RawConfig chartVersion(String version, String appVersion) {
        chart = (chart == null ? new ChartConfig() : chart).version(version).appVersion(appVersion);
        return this;
    }

    public RawConfig chart(ChartConfig chart) {
        this.chart = chart;
        return this;
    }

    public RawConfig image(ImageConfig image) {
        this.image = image;
        return this;
    }

    public RawConfig replicas(Integer replicas) {
        this.replicas = replicas;
        return this;
    }

    public RawConfig podManagementPolicy(String podManagementPolicy) {
        this.podManagementPolicy = podManagementPolicy;
        return this;
    }

    public RawConfig updateStrategy(UpdateStrategyConfig updateStrategy) {
        this.updateStrategy = updateStrategy;
        return this;
    }

    public RawConfig minReadySeconds(Integer minReadySeconds) {
        this.minReadySeconds = minReadySeconds;
        return this;
    }

    public RawConfig revisionHistoryLimit(Integer revisionHistoryLimit) {
        this.revisionHistoryLimit = revisionHistoryLimit;
        return this;
    }

    public RawConfig terminationGracePeriodSeconds(Integer terminationGracePeriodSeconds) {
        this.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
        return this;
    }

    public RawConfig ports(PortConfig... ports) {
        return ports(Arrays.asList(ports));
    }

    public RawConfig ports(List<PortConfig> ports) {
        this.ports = ports == null ? null : new ArrayList<>(ports);
        return this;
    }

    public RawConfig service(ServiceConfig service) {
        this.service = service;
        return this;
    }

    public RawConfig volumeClaimTemplates(ClaimConfig... claims) {
        return volumeClaimTemplates(Arrays.asList(claims));
    }

    public RawConfig volumeClaimTemplates(List<ClaimConfig> claims) {
        this.volumeClaimTemplates = claims == null ? null : new ArrayList<>(claims);
        return this;
    }

    public RawConfig persistentVolumeClaimRetentionPolicy(RetentionConfig retention) {
        this.persistentVolumeClaimRetentionPolicy = retention;
        return this;
    }

    public RawConfig env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    public RawConfig secretEnv(SecretEnvConfig... variables) {
        return secretEnv(Arrays.asList(variables));
    }

    public RawConfig secretEnv(List<SecretEnvConfig> variables) {
        this.secretEnv = variables == null ? null : new ArrayList<>(variables);
        return this;
    }

    public RawConfig expandedEnv(Map<String, String> expandedEnv) {
        this.expandedEnv = expandedEnv;
        return this;
    }

    public RawConfig podAnnotations(Map<String, String> podAnnotations) {
        this.podAnnotations = podAnnotations;
        return this;
    }

    public RawConfig podLabels(Map<String, String> podLabels) {
        this.podLabels = podLabels;
        return this;
    }

    public RawConfig resources(ResourcesConfig resources) {
        this.resources = resources;
        return this;
    }

    public RawConfig probes(ProbesConfig probes) {
        this.probes = probes;
        return this;
    }

    public RawConfig securityContext(SecurityConfig securityContext) {
        this.securityContext = securityContext;
        return this;
    }

    public RawConfig hooks(HookConfig... hooks) {
        return hooks(Arrays.asList(hooks));
    }

    public RawConfig hooks(List<HookConfig> hooks) {
        this.hooks = hooks == null ? null : new ArrayList<>(hooks);
        return this;
    }

    public RawConfig initContainers(ContainerConfig... containers) {
        this.initContainers = new ArrayList<>(Arrays.asList(containers));
        return this;
    }

    public RawConfig sidecars(ContainerConfig... containers) {
        this.sidecars = new ArrayList<>(Arrays.asList(containers));
        return this;
    }

    /** {@code <configFiles>} with this {@code <directory>} and {@code <mountPath>}. */
    public RawConfig configFiles(java.nio.file.Path directory, String mountPath) {
        this.configFiles = new ConfigFilesConfig(directory, mountPath);
        return this;
    }

    /** {@code <networkPolicy><enabled>…</enabled></networkPolicy>}; {@code null} for no element. */
    public RawConfig networkPolicy(Boolean enabled) {
        this.networkPolicy = enabled;
        return this;
    }

    /** {@code <metrics>} with this {@code <port>}, {@code <path>} and {@code <serviceMonitor>}. */
    public RawConfig metrics(String port, String path, Boolean serviceMonitor) {
        this.metrics = new MetricsConfig(port, path, serviceMonitor);
        return this;
    }

    public RawConfig connectionTest(Boolean connectionTest) {
        this.connectionTest = connectionTest;
        return this;
    }

    public RawConfig connectionTestImage(String connectionTestImage) {
        this.connectionTestImage = connectionTestImage;
        return this;
    }

    public RawConfig imagePullSecrets(String... secrets) {
        this.imagePullSecrets = List.of(secrets);
        return this;
    }

    public RawConfig nodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
        return this;
    }

    public RawConfig podAntiAffinity(String podAntiAffinity) {
        this.podAntiAffinity = podAntiAffinity;
        return this;
    }

    public RawConfig strategy(String strategy) {
        this.strategy = strategy;
        return this;
    }

    public RawConfig canaryReplicas(Integer canaryReplicas) {
        this.canaryReplicas = canaryReplicas;
        return this;
    }

    public RawConfig canaryService(Boolean canaryService) {
        this.canaryService = canaryService;
        return this;
    }

    public RawConfig activeSlot(String activeSlot) {
        this.activeSlot = activeSlot;
        return this;
    }

    public RawConfig idleSlotReplicas(Integer idleSlotReplicas) {
        this.idleSlotReplicas = idleSlotReplicas;
        return this;
    }

    public RawConfig recreateImage(String recreateImage) {
        this.recreateImage = recreateImage;
        return this;
    }

    @Override
    public ChartConfig chart() {
        return chart;
    }

    @Override
    public ImageConfig image() {
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
    public UpdateStrategyConfig updateStrategy() {
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
    public List<PortConfig> ports() {
        return ports;
    }

    @Override
    public ServiceConfig service() {
        return service;
    }

    @Override
    public List<ClaimConfig> volumeClaimTemplates() {
        return volumeClaimTemplates;
    }

    @Override
    public RetentionConfig persistentVolumeClaimRetentionPolicy() {
        return persistentVolumeClaimRetentionPolicy;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public List<SecretEnvConfig> secretEnv() {
        return secretEnv;
    }

    @Override
    public Map<String, String> expandedEnv() {
        return expandedEnv;
    }

    @Override
    public Map<String, String> podAnnotations() {
        return podAnnotations;
    }

    @Override
    public Map<String, String> podLabels() {
        return podLabels;
    }

    @Override
    public ResourcesConfig resources() {
        return resources;
    }

    @Override
    public ProbesConfig probes() {
        return probes;
    }

    @Override
    public SecurityConfig securityContext() {
        return securityContext;
    }

    @Override
    public List<HookConfig> hooks() {
        return hooks;
    }

    @Override
    public List<ContainerConfig> initContainers() {
        return initContainers;
    }

    @Override
    public List<ContainerConfig> sidecars() {
        return sidecars;
    }

    @Override
    public ConfigFilesConfig configFiles() {
        return configFiles;
    }

    @Override
    public RawConfiguration.NetworkPolicy networkPolicy() {
        return networkPolicy == null ? null : () -> networkPolicy;
    }

    @Override
    public MetricsConfig metrics() {
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
        return nodeSelector;
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

    /** {@code <chart>}. */
    public static final class ChartConfig implements RawConfiguration.Chart {
        private String name;
        private String version;
        private String appVersion;
        private String description;
        private String kubeVersion;
        private String home;
        private String icon;
        private List<String> sources;
        private List<MaintainerConfig> maintainers;
        private List<String> keywords;

        public ChartConfig name(String name) {
            this.name = name;
            return this;
        }

        public ChartConfig version(String version) {
            this.version = version;
            return this;
        }

        public ChartConfig appVersion(String appVersion) {
            this.appVersion = appVersion;
            return this;
        }

        public ChartConfig description(String description) {
            this.description = description;
            return this;
        }

        public ChartConfig kubeVersion(String kubeVersion) {
            this.kubeVersion = kubeVersion;
            return this;
        }

        public ChartConfig home(String home) {
            this.home = home;
            return this;
        }

        public ChartConfig icon(String icon) {
            this.icon = icon;
            return this;
        }

        public ChartConfig sources(String... sources) {
            this.sources = List.of(sources);
            return this;
        }

        public ChartConfig maintainer(String name, String email, String url) {
            maintainers = maintainers == null ? new ArrayList<>() : maintainers;
            maintainers.add(new MaintainerConfig(name, email, url));
            return this;
        }

        public ChartConfig keywords(String... keywords) {
            this.keywords = List.of(keywords);
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public String appVersion() {
            return appVersion;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String kubeVersion() {
            return kubeVersion;
        }

        @Override
        public String home() {
            return home;
        }

        @Override
        public String icon() {
            return icon;
        }

        @Override
        public List<String> sources() {
            return sources;
        }

        @Override
        public List<MaintainerConfig> maintainers() {
            return maintainers;
        }

        @Override
        public List<String> keywords() {
            return keywords;
        }
    }

    /** {@code <maintainer>}. */
    public record MaintainerConfig(String name, String email, String url) implements RawConfiguration.Maintainer {}

    /** {@code <image>}. */
    public static final class ImageConfig implements RawConfiguration.Image {
        private String repository;
        private String tag;
        private String pullPolicy;

        public ImageConfig repository(String repository) {
            this.repository = repository;
            return this;
        }

        public ImageConfig tag(String tag) {
            this.tag = tag;
            return this;
        }

        public ImageConfig pullPolicy(String pullPolicy) {
            this.pullPolicy = pullPolicy;
            return this;
        }

        @Override
        public String repository() {
            return repository;
        }

        @Override
        public String tag() {
            return tag;
        }

        @Override
        public String pullPolicy() {
            return pullPolicy;
        }
    }

    /** {@code <updateStrategy>}. */
    public static final class UpdateStrategyConfig implements RawConfiguration.UpdateStrategy {
        private String type;
        private Integer partition;
        private String maxUnavailable;

        public UpdateStrategyConfig type(String type) {
            this.type = type;
            return this;
        }

        public UpdateStrategyConfig partition(Integer partition) {
            this.partition = partition;
            return this;
        }

        public UpdateStrategyConfig maxUnavailable(String maxUnavailable) {
            this.maxUnavailable = maxUnavailable;
            return this;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Integer partition() {
            return partition;
        }

        @Override
        public String maxUnavailable() {
            return maxUnavailable;
        }
    }

    /** {@code <port>}. */
    public static final class PortConfig implements RawConfiguration.Port {
        private String name;
        private Integer containerPort;
        private String protocol;

        public PortConfig name(String name) {
            this.name = name;
            return this;
        }

        public PortConfig containerPort(Integer containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        public PortConfig protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Integer containerPort() {
            return containerPort;
        }

        @Override
        public String protocol() {
            return protocol;
        }
    }

    /** {@code <service>}. */
    public static final class ServiceConfig implements RawConfiguration.Service {
        private Boolean enabled;
        private String type;
        private Integer port;
        private String targetPort;
        private Integer nodePort;

        public ServiceConfig enabled(Boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public ServiceConfig type(String type) {
            this.type = type;
            return this;
        }

        public ServiceConfig port(Integer port) {
            this.port = port;
            return this;
        }

        public ServiceConfig targetPort(String targetPort) {
            this.targetPort = targetPort;
            return this;
        }

        public ServiceConfig nodePort(Integer nodePort) {
            this.nodePort = nodePort;
            return this;
        }

        @Override
        public Boolean enabled() {
            return enabled;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Integer port() {
            return port;
        }

        @Override
        public String targetPort() {
            return targetPort;
        }

        @Override
        public Integer nodePort() {
            return nodePort;
        }
    }

    /** {@code <volumeClaimTemplate>}. */
    public static final class ClaimConfig implements RawConfiguration.VolumeClaimTemplate {
        private String name;
        private String mountPath;
        private String size;
        private List<String> accessModes;
        private String storageClassName;

        public ClaimConfig name(String name) {
            this.name = name;
            return this;
        }

        public ClaimConfig mountPath(String mountPath) {
            this.mountPath = mountPath;
            return this;
        }

        public ClaimConfig size(String size) {
            this.size = size;
            return this;
        }

        public ClaimConfig accessModes(String... accessModes) {
            this.accessModes = List.of(accessModes);
            return this;
        }

        public ClaimConfig storageClassName(String storageClassName) {
            this.storageClassName = storageClassName;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String mountPath() {
            return mountPath;
        }

        @Override
        public String size() {
            return size;
        }

        @Override
        public List<String> accessModes() {
            return accessModes;
        }

        @Override
        public String storageClassName() {
            return storageClassName;
        }
    }

    /** {@code <persistentVolumeClaimRetentionPolicy>}. */
    public static final class RetentionConfig implements RawConfiguration.RetentionPolicy {
        private String whenDeleted;
        private String whenScaled;

        public RetentionConfig whenDeleted(String whenDeleted) {
            this.whenDeleted = whenDeleted;
            return this;
        }

        public RetentionConfig whenScaled(String whenScaled) {
            this.whenScaled = whenScaled;
            return this;
        }

        @Override
        public String whenDeleted() {
            return whenDeleted;
        }

        @Override
        public String whenScaled() {
            return whenScaled;
        }
    }

    /** {@code <variable>} of {@code <secretEnv>}. */
    public static final class SecretEnvConfig implements RawConfiguration.SecretEnvVariable {
        private String name;
        private String secretName;
        private String key;
        private Boolean optional;

        public SecretEnvConfig name(String name) {
            this.name = name;
            return this;
        }

        public SecretEnvConfig secretName(String secretName) {
            this.secretName = secretName;
            return this;
        }

        public SecretEnvConfig key(String key) {
            this.key = key;
            return this;
        }

        public SecretEnvConfig optional(Boolean optional) {
            this.optional = optional;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String secretName() {
            return secretName;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public Boolean optional() {
            return optional;
        }
    }

    /** {@code <resources>}, by Kubernetes resource name. */
    public static final class ResourcesConfig implements RawConfiguration.Resources {
        private Map<String, String> requests;
        private Map<String, String> limits;

        public ResourcesConfig request(String resource, String quantity) {
            requests = requests == null ? new LinkedHashMap<>() : requests;
            requests.put(resource, quantity);
            return this;
        }

        public ResourcesConfig limit(String resource, String quantity) {
            limits = limits == null ? new LinkedHashMap<>() : limits;
            limits.put(resource, quantity);
            return this;
        }

        @Override
        public Map<String, String> requests() {
            return requests;
        }

        @Override
        public Map<String, String> limits() {
            return limits;
        }
    }

    /** {@code <probes>}. */
    public static final class ProbesConfig implements RawConfiguration.Probes {
        private ProbeConfig readiness;
        private ProbeConfig liveness;
        private ProbeConfig startup;

        public ProbesConfig readiness(ProbeConfig readiness) {
            this.readiness = readiness;
            return this;
        }

        public ProbesConfig liveness(ProbeConfig liveness) {
            this.liveness = liveness;
            return this;
        }

        public ProbesConfig startup(ProbeConfig startup) {
            this.startup = startup;
            return this;
        }

        @Override
        public ProbeConfig readiness() {
            return readiness;
        }

        @Override
        public ProbeConfig liveness() {
            return liveness;
        }

        @Override
        public ProbeConfig startup() {
            return startup;
        }
    }

    /** A probe of {@code <probes>}. */
    public static final class ProbeConfig implements RawConfiguration.Probe {
        private String path;
        private String port;
        private Integer initialDelaySeconds;
        private Integer periodSeconds;
        private Integer timeoutSeconds;
        private Integer failureThreshold;

        public ProbeConfig path(String path) {
            this.path = path;
            return this;
        }

        public ProbeConfig port(String port) {
            this.port = port;
            return this;
        }

        public ProbeConfig initialDelaySeconds(Integer initialDelaySeconds) {
            this.initialDelaySeconds = initialDelaySeconds;
            return this;
        }

        public ProbeConfig periodSeconds(Integer periodSeconds) {
            this.periodSeconds = periodSeconds;
            return this;
        }

        public ProbeConfig timeoutSeconds(Integer timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public ProbeConfig failureThreshold(Integer failureThreshold) {
            this.failureThreshold = failureThreshold;
            return this;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String port() {
            return port;
        }

        @Override
        public Integer initialDelaySeconds() {
            return initialDelaySeconds;
        }

        @Override
        public Integer periodSeconds() {
            return periodSeconds;
        }

        @Override
        public Integer timeoutSeconds() {
            return timeoutSeconds;
        }

        @Override
        public Integer failureThreshold() {
            return failureThreshold;
        }
    }

    /** {@code <securityContext>}. */
    public static final class SecurityConfig implements RawConfiguration.SecurityContext {
        private Long runAsUser;
        private Long runAsGroup;
        private Long fsGroup;

        public SecurityConfig runAsUser(Long runAsUser) {
            this.runAsUser = runAsUser;
            return this;
        }

        public SecurityConfig runAsGroup(Long runAsGroup) {
            this.runAsGroup = runAsGroup;
            return this;
        }

        public SecurityConfig fsGroup(Long fsGroup) {
            this.fsGroup = fsGroup;
            return this;
        }

        @Override
        public Long runAsUser() {
            return runAsUser;
        }

        @Override
        public Long runAsGroup() {
            return runAsGroup;
        }

        @Override
        public Long fsGroup() {
            return fsGroup;
        }
    }

    /** {@code <hook>}. */
    public static final class HookConfig implements RawConfiguration.Hook {
        private String name;
        private List<String> events;
        private Integer weight;
        private List<String> deletePolicies;
        private String image;
        private List<String> command;
        private List<String> args;
        private Integer backoffLimit;
        private Integer activeDeadlineSeconds;
        private Integer ttlSecondsAfterFinished;

        public HookConfig name(String name) {
            this.name = name;
            return this;
        }

        public HookConfig events(String... events) {
            this.events = List.of(events);
            return this;
        }

        public HookConfig weight(Integer weight) {
            this.weight = weight;
            return this;
        }

        public HookConfig deletePolicies(String... deletePolicies) {
            this.deletePolicies = List.of(deletePolicies);
            return this;
        }

        public HookConfig image(String image) {
            this.image = image;
            return this;
        }

        public HookConfig command(String... command) {
            this.command = List.of(command);
            return this;
        }

        public HookConfig args(String... args) {
            this.args = List.of(args);
            return this;
        }

        public HookConfig backoffLimit(Integer backoffLimit) {
            this.backoffLimit = backoffLimit;
            return this;
        }

        public HookConfig activeDeadlineSeconds(Integer activeDeadlineSeconds) {
            this.activeDeadlineSeconds = activeDeadlineSeconds;
            return this;
        }

        public HookConfig ttlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
            this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> events() {
            return events;
        }

        @Override
        public Integer weight() {
            return weight;
        }

        @Override
        public List<String> deletePolicies() {
            return deletePolicies;
        }

        @Override
        public String image() {
            return image;
        }

        @Override
        public List<String> command() {
            return command;
        }

        @Override
        public List<String> args() {
            return args;
        }

        @Override
        public Integer backoffLimit() {
            return backoffLimit;
        }

        @Override
        public Integer activeDeadlineSeconds() {
            return activeDeadlineSeconds;
        }

        @Override
        public Integer ttlSecondsAfterFinished() {
            return ttlSecondsAfterFinished;
        }
    }

    /** {@code <initContainer>} or {@code <sidecar>}. */
    public static final class ContainerConfig implements RawConfiguration.ExtraContainer {
        private String name;
        private String image;
        private List<String> command;
        private List<String> args;
        private Map<String, String> env;
        private List<ExtraPortConfig> ports;
        private ResourcesConfig resources;

        public ContainerConfig name(String name) {
            this.name = name;
            return this;
        }

        public ContainerConfig image(String image) {
            this.image = image;
            return this;
        }

        public ContainerConfig command(String... command) {
            this.command = List.of(command);
            return this;
        }

        public ContainerConfig args(String... args) {
            this.args = List.of(args);
            return this;
        }

        public ContainerConfig env(Map<String, String> env) {
            this.env = env;
            return this;
        }

        public ContainerConfig ports(ExtraPortConfig... ports) {
            this.ports = List.of(ports);
            return this;
        }

        public ContainerConfig resources(ResourcesConfig resources) {
            this.resources = resources;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String image() {
            return image;
        }

        @Override
        public List<String> command() {
            return command;
        }

        @Override
        public List<String> args() {
            return args;
        }

        @Override
        public Map<String, String> env() {
            return env;
        }

        @Override
        public List<ExtraPortConfig> ports() {
            return ports;
        }

        @Override
        public ResourcesConfig resources() {
            return resources;
        }
    }

    /** {@code <port>} of a sidecar. */
    public static final class ExtraPortConfig implements RawConfiguration.ExtraPort {
        private String name;
        private Integer containerPort;
        private String protocol;
        private Boolean publish;

        public ExtraPortConfig name(String name) {
            this.name = name;
            return this;
        }

        public ExtraPortConfig containerPort(Integer containerPort) {
            this.containerPort = containerPort;
            return this;
        }

        public ExtraPortConfig protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        public ExtraPortConfig publish(Boolean publish) {
            this.publish = publish;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Integer containerPort() {
            return containerPort;
        }

        @Override
        public String protocol() {
            return protocol;
        }

        @Override
        public Boolean publish() {
            return publish;
        }
    }

    /** {@code <configFiles>}. */
    public record ConfigFilesConfig(java.nio.file.Path directory, String mountPath)
            implements RawConfiguration.ConfigFiles {}

    /** {@code <metrics>}. */
    public record MetricsConfig(String port, String path, Boolean serviceMonitor) implements RawConfiguration.Metrics {}
}
