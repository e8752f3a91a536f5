package io.statefulset.chart;

import io.statefulset.chart.model.RawConfiguration;
import java.util.List;
import java.util.Map;

/**
 * Everything the plugin needs to write a chart: the POM configuration translated into immutable
 * records. Before {@link ChartDefaults#apply} an unset optional field is {@code null}; after it,
 * every field holds its effective value. Enumerated settings stay strings so that {@link
 * ChartSpecValidator} can report a bad value verbatim, with the POM element it came from.
 */
public record ChartSpec(
        ChartInfo chart,
        ImageSpec image,
        Integer replicas,
        String podManagementPolicy,
        UpdateStrategySpec updateStrategy,
        Integer minReadySeconds,
        Integer revisionHistoryLimit,
        Integer terminationGracePeriodSeconds,
        List<PortSpec> ports,
        ServiceSpec service,
        List<ClaimSpec> volumeClaimTemplates,
        RetentionPolicySpec persistentVolumeClaimRetentionPolicy,
        Map<String, String> env,
        List<SecretEnvSpec> secretEnv,
        Map<String, String> expandedEnv,
        Map<String, String> podAnnotations,
        Map<String, String> podLabels,
        ResourcesSpec resources,
        ProbesSpec probes,
        PodSecuritySpec podSecurity,
        List<HookSpec> hooks,
        Boolean connectionTest,
        String connectionTestImage,
        List<String> imagePullSecrets,
        Map<String, String> nodeSelector,
        StrategySpec strategy) {

    /** The raw configuration as this record; unset elements stay {@code null}. */
    public static ChartSpec of(RawConfiguration raw) {
        RawConfiguration.Chart chart = raw.chart();
        RawConfiguration.Image image = raw.image();
        RawConfiguration.UpdateStrategy update = raw.updateStrategy();
        RawConfiguration.Service service = raw.service();
        RawConfiguration.RetentionPolicy retention = raw.persistentVolumeClaimRetentionPolicy();
        RawConfiguration.Resources resources = raw.resources();
        RawConfiguration.Probes probes = raw.probes();
        RawConfiguration.SecurityContext security = raw.securityContext();
        return new ChartSpec(
                chart == null
                        ? null
                        : new ChartInfo(
                                chart.name(),
                                chart.version(),
                                chart.appVersion(),
                                chart.description(),
                                chart.kubeVersion(),
                                chart.home(),
                                chart.icon(),
                                chart.sources(),
                                map(chart.maintainers(), m -> new Maintainer(m.name(), m.email(), m.url())),
                                chart.keywords()),
                image == null ? null : new ImageSpec(image.repository(), image.tag(), image.pullPolicy()),
                raw.replicas(),
                raw.podManagementPolicy(),
                update == null
                        ? null
                        : new UpdateStrategySpec(update.type(), update.partition(), update.maxUnavailable()),
                raw.minReadySeconds(),
                raw.revisionHistoryLimit(),
                raw.terminationGracePeriodSeconds(),
                map(raw.ports(), p -> new PortSpec(p.name(), p.containerPort(), p.protocol())),
                service == null
                        ? null
                        : new ServiceSpec(
                                service.enabled(),
                                service.type(),
                                service.port(),
                                service.targetPort(),
                                service.nodePort()),
                map(
                        raw.volumeClaimTemplates(),
                        c -> new ClaimSpec(c.name(), c.mountPath(), c.size(), c.accessModes(), c.storageClassName())),
                retention == null ? null : new RetentionPolicySpec(retention.whenDeleted(), retention.whenScaled()),
                raw.env(),
                map(raw.secretEnv(), v -> new SecretEnvSpec(v.name(), v.secretName(), v.key(), v.optional())),
                raw.expandedEnv(),
                raw.podAnnotations(),
                raw.podLabels(),
                resources == null ? null : new ResourcesSpec(resources.requests(), resources.limits()),
                probes == null
                        ? null
                        : new ProbesSpec(probe(probes.readiness()), probe(probes.liveness()), probe(probes.startup())),
                security == null
                        ? null
                        : new PodSecuritySpec(security.runAsUser(), security.runAsGroup(), security.fsGroup()),
                map(
                        raw.hooks(),
                        h -> new HookSpec(
                                h.name(),
                                h.events(),
                                h.weight(),
                                h.deletePolicies(),
                                h.image(),
                                h.command(),
                                h.args(),
                                h.backoffLimit(),
                                h.activeDeadlineSeconds(),
                                h.ttlSecondsAfterFinished())),
                raw.connectionTest(),
                raw.connectionTestImage(),
                raw.imagePullSecrets(),
                raw.nodeSelector(),
                new StrategySpec(
                        raw.strategy(),
                        raw.canaryReplicas(),
                        raw.canaryService(),
                        raw.activeSlot(),
                        raw.idleSlotReplicas(),
                        raw.recreateImage()));
    }

    private static ProbeSpec probe(RawConfiguration.Probe p) {
        return p == null
                ? null
                : new ProbeSpec(
                        p.path(),
                        p.port(),
                        p.initialDelaySeconds(),
                        p.periodSeconds(),
                        p.timeoutSeconds(),
                        p.failureThreshold());
    }

    private static <T, R> List<R> map(List<? extends T> list, java.util.function.Function<T, R> f) {
        return list == null ? null : list.stream().map(f).toList();
    }

    public ChartSpec {
        ports = Copies.list(ports);
        volumeClaimTemplates = Copies.list(volumeClaimTemplates);
        env = Copies.sortedMap(env);
        secretEnv = Copies.list(secretEnv);
        expandedEnv = Copies.sortedMap(expandedEnv);
        podAnnotations = Copies.sortedMap(podAnnotations);
        podLabels = Copies.sortedMap(podLabels);
        hooks = Copies.list(hooks);
        imagePullSecrets = Copies.list(imagePullSecrets);
        nodeSelector = Copies.sortedMap(nodeSelector);
    }

    /**
     * The rollout strategy preset ({@code rolling}, {@code canary}, {@code blueGreen}, {@code
     * recreate}, {@code ramped}) and its settings; each applies only to its own preset.
     */
    public record StrategySpec(
            String name,
            Integer canaryReplicas,
            Boolean canaryService,
            String activeSlot,
            Integer idleSlotReplicas,
            String recreateImage) {}

    /** Chart.yaml metadata; {@code name}, {@code version} and {@code appVersion} default from the project. */
    public record ChartInfo(
            String name,
            String version,
            String appVersion,
            String description,
            String kubeVersion,
            String home,
            String icon,
            List<String> sources,
            List<Maintainer> maintainers,
            List<String> keywords) {
        public ChartInfo {
            sources = Copies.list(sources);
            maintainers = Copies.list(maintainers);
            keywords = Copies.list(keywords);
        }
    }

    /** A chart maintainer; Maven {@code <developers>} become maintainers unless the chart lists its own. */
    public record Maintainer(String name, String email, String url) {}

    /** The application's container image. {@code tag} defaults to the chart's appVersion. */
    public record ImageSpec(String repository, String tag, String pullPolicy) {}

    /**
     * {@code type} is RollingUpdate or OnDelete; {@code maxUnavailable} is a number or a percentage
     * and stays a string until validated.
     */
    public record UpdateStrategySpec(String type, Integer partition, String maxUnavailable) {}

    /** A named container port. */
    public record PortSpec(String name, Integer containerPort, String protocol) {}

    /** The client Service; {@code targetPort} names a declared port. */
    public record ServiceSpec(Boolean enabled, String type, Integer port, String targetPort, Integer nodePort) {}

    /** One entry of {@code volumeClaimTemplates}: a per-pod PersistentVolumeClaim and where it is mounted. */
    public record ClaimSpec(
            String name, String mountPath, String size, List<String> accessModes, String storageClassName) {
        public ClaimSpec {
            accessModes = Copies.list(accessModes);
        }
    }

    /** What happens to the claims when the StatefulSet is deleted or scaled down. */
    public record RetentionPolicySpec(String whenDeleted, String whenScaled) {}

    /** An environment variable read from a key of an existing Secret; the chart never holds the value. */
    public record SecretEnvSpec(String name, String secretName, String key, Boolean optional) {}

    /** Requests and limits by resource name ({@code cpu}, {@code memory}, {@code ephemeral-storage}). */
    public record ResourcesSpec(Map<String, String> requests, Map<String, String> limits) {
        public ResourcesSpec {
            requests = Copies.sortedMap(requests);
            limits = Copies.sortedMap(limits);
        }
    }

    /** An HTTP GET probe when {@code path} is set, a TCP probe otherwise. */
    public record ProbeSpec(
            String path,
            String port,
            Integer initialDelaySeconds,
            Integer periodSeconds,
            Integer timeoutSeconds,
            Integer failureThreshold) {}

    /** The container's probes; an absent probe is {@code null}. */
    public record ProbesSpec(ProbeSpec readiness, ProbeSpec liveness, ProbeSpec startup) {}

    /** The user and group the pods run as; the rest of the restricted security context is fixed. */
    public record PodSecuritySpec(Long runAsUser, Long runAsGroup, Long fsGroup) {}

    /** A Helm hook, rendered as a Job named after the release and the hook. */
    public record HookSpec(
            String name,
            List<String> events,
            Integer weight,
            List<String> deletePolicies,
            String image,
            List<String> command,
            List<String> args,
            Integer backoffLimit,
            Integer activeDeadlineSeconds,
            Integer ttlSecondsAfterFinished) {
        public HookSpec {
            events = Copies.list(events);
            deletePolicies = Copies.list(deletePolicies);
            command = Copies.list(command);
            args = Copies.list(args);
        }
    }
}
