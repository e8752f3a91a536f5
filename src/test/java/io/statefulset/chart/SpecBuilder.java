package io.statefulset.chart;

import io.statefulset.chart.ChartSpec.ChartInfo;
import io.statefulset.chart.ChartSpec.ClaimSpec;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpec.ImageSpec;
import io.statefulset.chart.ChartSpec.PodSecuritySpec;
import io.statefulset.chart.ChartSpec.PortSpec;
import io.statefulset.chart.ChartSpec.ProbesSpec;
import io.statefulset.chart.ChartSpec.ResourcesSpec;
import io.statefulset.chart.ChartSpec.RetentionPolicySpec;
import io.statefulset.chart.ChartSpec.SecretEnvSpec;
import io.statefulset.chart.ChartSpec.ServiceSpec;
import io.statefulset.chart.ChartSpec.UpdateStrategySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A mutable copy of a {@link ChartSpec}, so tests can state just the field they change. */
public final class SpecBuilder {
    public ChartInfo chart;
    public ImageSpec image;
    public Integer replicas;
    public String podManagementPolicy;
    public UpdateStrategySpec updateStrategy;
    public Integer minReadySeconds;
    public Integer revisionHistoryLimit;
    public Integer terminationGracePeriodSeconds;
    public List<PortSpec> ports;
    public ServiceSpec service;
    public List<ClaimSpec> claims;
    public RetentionPolicySpec retention;
    public Map<String, String> env;
    public List<SecretEnvSpec> secretEnv;
    public Map<String, String> expandedEnv;
    public Map<String, String> podAnnotations;
    public Map<String, String> podLabels;
    public ResourcesSpec resources;
    public ProbesSpec probes;
    public PodSecuritySpec podSecurity;
    public List<HookSpec> hooks;
    public Boolean connectionTest;
    public String connectionTestImage;
    public List<String> imagePullSecrets;
    public Map<String, String> nodeSelector;
    public ChartSpec.StrategySpec strategy;

    public SpecBuilder(ChartSpec s) {
        chart = s.chart();
        image = s.image();
        replicas = s.replicas();
        podManagementPolicy = s.podManagementPolicy();
        updateStrategy = s.updateStrategy();
        minReadySeconds = s.minReadySeconds();
        revisionHistoryLimit = s.revisionHistoryLimit();
        terminationGracePeriodSeconds = s.terminationGracePeriodSeconds();
        ports = copy(s.ports());
        service = s.service();
        claims = copy(s.volumeClaimTemplates());
        retention = s.persistentVolumeClaimRetentionPolicy();
        env = s.env() == null ? null : new LinkedHashMap<>(s.env());
        secretEnv = copy(s.secretEnv());
        expandedEnv = s.expandedEnv() == null ? null : new LinkedHashMap<>(s.expandedEnv());
        podAnnotations = s.podAnnotations() == null ? null : new LinkedHashMap<>(s.podAnnotations());
        podLabels = s.podLabels() == null ? null : new LinkedHashMap<>(s.podLabels());
        resources = s.resources();
        probes = s.probes();
        podSecurity = s.podSecurity();
        hooks = copy(s.hooks());
        connectionTest = s.connectionTest();
        connectionTestImage = s.connectionTestImage();
        imagePullSecrets = copy(s.imagePullSecrets());
        nodeSelector = s.nodeSelector();
        strategy = s.strategy();
    }

    public static SpecBuilder sample() {
        return new SpecBuilder(SampleSpecs.visitCounter());
    }

    public ChartSpec build() {
        return new ChartSpec(
                chart,
                image,
                replicas,
                podManagementPolicy,
                updateStrategy,
                minReadySeconds,
                revisionHistoryLimit,
                terminationGracePeriodSeconds,
                ports,
                service,
                claims,
                retention,
                env,
                secretEnv,
                expandedEnv,
                podAnnotations,
                podLabels,
                resources,
                probes,
                podSecurity,
                hooks,
                connectionTest,
                connectionTestImage,
                imagePullSecrets,
                nodeSelector,
                strategy);
    }

    /** The sample's chart metadata with another name. */
    public SpecBuilder chartName(String name) {
        return chart(name, chart.version(), chart.appVersion());
    }

    /** The sample's chart metadata with other versions. */
    public SpecBuilder chartVersion(String version, String appVersion) {
        return chart(chart.name(), version, appVersion);
    }

    private SpecBuilder chart(String name, String version, String appVersion) {
        chart = new ChartInfo(
                name,
                version,
                appVersion,
                chart.description(),
                chart.kubeVersion(),
                chart.home(),
                chart.icon(),
                chart.sources(),
                chart.maintainers(),
                chart.keywords());
        return this;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : new ArrayList<>(list);
    }
}
