package io.statefulset.chart;

import static io.statefulset.chart.RawConfig.chart;
import static io.statefulset.chart.RawConfig.claim;
import static io.statefulset.chart.RawConfig.hook;
import static io.statefulset.chart.RawConfig.image;
import static io.statefulset.chart.RawConfig.port;
import static io.statefulset.chart.RawConfig.probe;
import static io.statefulset.chart.RawConfig.retention;
import static io.statefulset.chart.RawConfig.secretEnv;
import static io.statefulset.chart.RawConfig.updateType;

import io.statefulset.chart.RawConfig.ProbesConfig;
import io.statefulset.chart.RawConfig.ResourcesConfig;
import io.statefulset.chart.RawConfig.ServiceConfig;
import io.statefulset.chart.model.ChartModel;
import io.statefulset.chart.model.ProjectInfo;
import java.util.List;
import java.util.Map;

/** The configurations the tests build charts from, starting with the sample app's. */
public final class SampleConfigs {
    public static final ProjectInfo PROJECT = new ProjectInfo(
            "visit-counter", "1.0.0", "Counts visits per pod", "https://example.org/visit-counter", null, List.of());

    private SampleConfigs() {}

    /** The configuration of the sample app, as in its POM; a new one on every call. */
    public static RawConfig visitCounter() {
        return new RawConfig()
                .chart(chart("visit-counter")
                        .version("1.0.0")
                        .appVersion("1.0.0")
                        .description("Counts visits per pod")
                        .kubeVersion(">=1.27.0-0"))
                .image(image("ghcr.io/acme/visit-counter").tag("1.0.0").pullPolicy("IfNotPresent"))
                .replicas(2)
                .podManagementPolicy("Parallel")
                .updateStrategy(updateType("RollingUpdate").partition(0).maxUnavailable("1"))
                .minReadySeconds(5)
                .ports(port("http", 8080))
                .service(new ServiceConfig().type("NodePort").port(8080))
                .volumeClaimTemplates(claim("data")
                        .mountPath("/app/data")
                        .size("1Mi")
                        .accessModes("ReadWriteOnce")
                        .storageClassName("standard"))
                .persistentVolumeClaimRetentionPolicy(retention("Retain", "Retain"))
                .env(Map.of("DATA_DIR", "/app/data"))
                .secretEnv(secretEnv("WHOAMI", "visit-counter-credentials", "whoami"))
                .podAnnotations(Map.of("vault.hashicorp.com/agent-inject", "true"))
                .resources(new ResourcesConfig()
                        .request("cpu", "100m")
                        .request("memory", "128Mi")
                        .limit("cpu", "100m")
                        .limit("memory", "128Mi"))
                .probes(new ProbesConfig()
                        .readiness(probe("/readyz").port("http"))
                        .liveness(probe("/healthz").port("http")))
                .hooks(hook("preinstall")
                        .events("pre-install")
                        .weight(0)
                        .deletePolicies("before-hook-creation", "hook-succeeded")
                        .image("busybox:1.36")
                        .command("sh", "-c", "echo The pre-install hook is running"))
                .connectionTest(true);
    }

    /**
     * The sample app with every production feature on: hard anti-affinity, an init container, a
     * sidecar with a published port, the config files of {@code src/test/resources/config-files},
     * a NetworkPolicy and metrics with a ServiceMonitor.
     */
    public static RawConfig withProductionFeatures() {
        return visitCounter()
                .ports(port("http", 8080), port("metrics", 9090))
                .podAntiAffinity("hard")
                .initContainers(RawConfig.container("restore", "registry.example/tools:1.4.2")
                        .command("tools", "restore")
                        .env(Map.of("TARGET", "/app/data")))
                .sidecars(RawConfig.container("shipper", "registry.example/shipper:3.1.0")
                        .ports(RawConfig.sidecarPort("ship-admin", 2020).publish(true)))
                .configFiles(java.nio.file.Path.of("src/test/resources/config-files"), "/etc/visit-counter")
                .networkPolicy(true)
                .metrics("metrics", "/metrics", true);
    }

    /** The model of {@code config}, which must have no errors, for {@link #PROJECT}. */
    public static ChartModel resolve(RawConfig config) {
        return ChartModel.resolve(config, PROJECT).model();
    }

    /** The errors and warnings of {@code config}, in the order the build reports them. */
    public static List<ConfigProblem> problems(RawConfig config) {
        return ChartModel.resolve(config, PROJECT).problems();
    }

    /** Only what is required: an image; everything else defaults. */
    public static RawConfig minimal() {
        return new RawConfig().image(image("registry.example.org/app"));
    }
}
