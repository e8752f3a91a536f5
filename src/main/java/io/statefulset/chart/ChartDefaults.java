package io.statefulset.chart;

import io.statefulset.chart.ChartSpec.ChartInfo;
import io.statefulset.chart.ChartSpec.ClaimSpec;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpec.ImageSpec;
import io.statefulset.chart.ChartSpec.PodSecuritySpec;
import io.statefulset.chart.ChartSpec.PortSpec;
import io.statefulset.chart.ChartSpec.ProbeSpec;
import io.statefulset.chart.ChartSpec.ProbesSpec;
import io.statefulset.chart.ChartSpec.ResourcesSpec;
import io.statefulset.chart.ChartSpec.RetentionPolicySpec;
import io.statefulset.chart.ChartSpec.SecretEnvSpec;
import io.statefulset.chart.ChartSpec.ServiceSpec;
import io.statefulset.chart.ChartSpec.StrategySpec;
import io.statefulset.chart.ChartSpec.UpdateStrategySpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The one place where defaults live: fills every unset field of a {@link ChartSpec}. */
public final class ChartDefaults {
    public static final String POD_MANAGEMENT_POLICY = "OrderedReady";
    public static final String UPDATE_STRATEGY = "RollingUpdate";
    public static final String PULL_POLICY = "IfNotPresent";
    public static final String SERVICE_TYPE = "ClusterIP";
    public static final String PROTOCOL = "TCP";
    public static final String ACCESS_MODE = "ReadWriteOnce";
    public static final String CLAIM_SIZE = "1Gi";
    public static final String RETAIN = "Retain";
    public static final String HOOK_DELETE_POLICY = "before-hook-creation";
    public static final String TEST_IMAGE = "busybox:1.36";
    public static final String STRATEGY = "rolling";
    /** kubectl for the recreate strategy's hook; the Kubernetes project publishes it. */
    public static final String RECREATE_IMAGE = "registry.k8s.io/kubectl:v1.35.0";
    /** What ramped rolls with when the POM leaves it open: a quarter of the pods at a time, each ready for 30 s. */
    public static final String RAMPED_MAX_UNAVAILABLE = "25%";

    public static final int RAMPED_MIN_READY_SECONDS = 30;
    /** A non-root UID/GID outside the range distributions give to system users. */
    public static final long POD_USER = 10001;

    private ChartDefaults() {}

    /** Returns {@code spec} with every unset field replaced by its default. */
    public static ChartSpec apply(ChartSpec spec, ProjectInfo project) {
        ChartInfo chart = chart(
                orElse(spec.chart(), new ChartInfo(null, null, null, null, null, null, null, null, null, null)),
                project);
        List<PortSpec> ports =
                map(spec.ports(), p -> new PortSpec(p.name(), p.containerPort(), orElse(p.protocol(), PROTOCOL)));
        ImageSpec image = orElse(spec.image(), new ImageSpec(null, null, null));
        StrategySpec preset = strategy(spec.strategy(), orElse(spec.replicas(), 1));
        boolean ramped = preset.name().equals("ramped");
        UpdateStrategySpec strategy = orElse(spec.updateStrategy(), new UpdateStrategySpec(null, null, null));
        // No default maxUnavailable under OnDelete: the validator reports the type, not a value the user never set.
        if (ramped && !"OnDelete".equals(strategy.type())) {
            strategy = new UpdateStrategySpec(
                    strategy.type(), strategy.partition(), orElse(strategy.maxUnavailable(), RAMPED_MAX_UNAVAILABLE));
        }
        // rolling and ramped take <updateStrategy> as given; the other presets decide it themselves and
        // keep only what the user wrote, so that the validator can point at a conflict.
        boolean ownStrategy = preset.name().equals("rolling") || ramped;
        String strategyType = ownStrategy ? orElse(strategy.type(), UPDATE_STRATEGY) : strategy.type();
        RetentionPolicySpec retention =
                orElse(spec.persistentVolumeClaimRetentionPolicy(), new RetentionPolicySpec(null, null));
        ResourcesSpec resources = orElse(spec.resources(), new ResourcesSpec(null, null));
        ProbesSpec probes = orElse(spec.probes(), new ProbesSpec(null, null, null));
        String firstPortName = ports.isEmpty() ? null : ports.get(0).name();
        PodSecuritySpec security = orElse(spec.podSecurity(), new PodSecuritySpec(null, null, null));
        return new ChartSpec(
                chart,
                new ImageSpec(
                        image.repository(),
                        orElse(image.tag(), chart.appVersion()),
                        orElse(image.pullPolicy(), PULL_POLICY)),
                orElse(spec.replicas(), 1),
                orElse(spec.podManagementPolicy(), POD_MANAGEMENT_POLICY),
                new UpdateStrategySpec(
                        strategyType,
                        // A partition only exists for RollingUpdate; leaving it unset for OnDelete lets the validator
                        // tell an explicit one apart.
                        ownStrategy && UPDATE_STRATEGY.equals(strategyType)
                                ? orElse(strategy.partition(), 0)
                                : strategy.partition(),
                        strategy.maxUnavailable()),
                orElse(spec.minReadySeconds(), ramped ? RAMPED_MIN_READY_SECONDS : 0),
                orElse(spec.revisionHistoryLimit(), 10),
                orElse(spec.terminationGracePeriodSeconds(), 30),
                ports,
                service(spec.service(), ports),
                map(
                        spec.volumeClaimTemplates(),
                        c -> new ClaimSpec(
                                c.name(),
                                c.mountPath(),
                                orElse(c.size(), CLAIM_SIZE),
                                c.accessModes() == null || c.accessModes().isEmpty()
                                        ? List.of(ACCESS_MODE)
                                        : c.accessModes(),
                                orElse(c.storageClassName(), ""))),
                new RetentionPolicySpec(
                        orElse(retention.whenDeleted(), RETAIN), orElse(retention.whenScaled(), RETAIN)),
                orElse(spec.env(), Map.of()),
                map(
                        spec.secretEnv(),
                        s -> new SecretEnvSpec(s.name(), s.secretName(), s.key(), orElse(s.optional(), false))),
                orElse(spec.expandedEnv(), Map.of()),
                orElse(spec.podAnnotations(), Map.of()),
                orElse(spec.podLabels(), Map.of()),
                new ResourcesSpec(orElse(resources.requests(), Map.of()), orElse(resources.limits(), Map.of())),
                new ProbesSpec(
                        probe(probes.readiness(), firstPortName),
                        probe(probes.liveness(), firstPortName),
                        probe(probes.startup(), firstPortName)),
                new PodSecuritySpec(
                        orElse(security.runAsUser(), POD_USER),
                        orElse(security.runAsGroup(), POD_USER),
                        orElse(security.fsGroup(), POD_USER)),
                map(spec.hooks(), ChartDefaults::hook),
                // A connection test needs a port to connect to.
                orElse(spec.connectionTest(), !ports.isEmpty()),
                orElse(spec.connectionTestImage(), TEST_IMAGE),
                orElse(spec.imagePullSecrets(), List.of()),
                orElse(spec.nodeSelector(), Map.of()),
                preset);
    }

    /** Defaults for the settings of the chosen preset only; settings of other presets stay unset for the validator. */
    private static StrategySpec strategy(StrategySpec strategy, int replicas) {
        StrategySpec given = orElse(strategy, new StrategySpec(null, null, null, null, null, null));
        String name = orElse(given.name(), STRATEGY);
        boolean canary = name.equals("canary");
        boolean blueGreen = name.equals("blueGreen");
        return new StrategySpec(
                name,
                canary ? orElse(given.canaryReplicas(), 1) : given.canaryReplicas(),
                canary ? orElse(given.canaryService(), true) : given.canaryService(),
                blueGreen ? orElse(given.activeSlot(), "blue") : given.activeSlot(),
                blueGreen ? orElse(given.idleSlotReplicas(), replicas) : given.idleSlotReplicas(),
                name.equals("recreate") ? orElse(given.recreateImage(), RECREATE_IMAGE) : given.recreateImage());
    }

    private static ChartInfo chart(ChartInfo chart, ProjectInfo project) {
        String requestedVersion = orElse(chart.version(), project.version());
        String appVersion = orElse(chart.appVersion(), project.version());
        String name = orElse(chart.name(), project.artifactId());
        return new ChartInfo(
                name,
                // Unconvertible versions stay as they are, so the validator can quote them.
                SemVer.fromMavenVersion(requestedVersion).orElse(requestedVersion),
                appVersion,
                orElse(chart.description(), orElse(project.description(), "A StatefulSet chart for " + name)),
                chart.kubeVersion(),
                orElse(chart.home(), project.url()),
                chart.icon(),
                isEmpty(chart.sources())
                        ? (project.scmUrl() == null ? List.of() : List.of(project.scmUrl()))
                        : chart.sources(),
                isEmpty(chart.maintainers()) ? project.developers() : chart.maintainers(),
                orElse(chart.keywords(), List.of()));
    }

    private static ServiceSpec service(ServiceSpec service, List<PortSpec> ports) {
        PortSpec first = ports.isEmpty() ? null : ports.get(0);
        // No <service> at all: a ClusterIP Service in front of the first port, as `helm create` gives.
        ServiceSpec given = orElse(service, new ServiceSpec(first != null, null, null, null, null));
        return new ServiceSpec(
                orElse(given.enabled(), true),
                orElse(given.type(), SERVICE_TYPE),
                orElse(given.port(), first == null ? null : first.containerPort()),
                orElse(given.targetPort(), first == null ? null : first.name()),
                orElse(given.nodePort(), 0));
    }

    private static ProbeSpec probe(ProbeSpec probe, String firstPortName) {
        if (probe == null) {
            return null;
        }
        return new ProbeSpec(
                probe.path(),
                orElse(probe.port(), firstPortName),
                orElse(probe.initialDelaySeconds(), 0),
                orElse(probe.periodSeconds(), 10),
                orElse(probe.timeoutSeconds(), 1),
                orElse(probe.failureThreshold(), 3));
    }

    private static HookSpec hook(HookSpec hook) {
        return new HookSpec(
                hook.name(),
                orElse(hook.events(), List.of()),
                orElse(hook.weight(), 0),
                hook.deletePolicies() == null || hook.deletePolicies().isEmpty()
                        ? List.of(HOOK_DELETE_POLICY)
                        : hook.deletePolicies(),
                hook.image(),
                orElse(hook.command(), List.of()),
                orElse(hook.args(), List.of()),
                orElse(hook.backoffLimit(), 1),
                orElse(hook.activeDeadlineSeconds(), 300),
                hook.ttlSecondsAfterFinished());
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list == null ? List.of() : list.stream().map(f).toList();
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
