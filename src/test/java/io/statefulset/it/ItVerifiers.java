package io.statefulset.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.statefulset.helm.LintReport;
import io.statefulset.helm.RenderedChart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks run by the verify.groovy scripts of the integration tests in it/ after Maven built each
 * project with the plugin under test. They read what the build wrote, lint and render it with real
 * Helm and compare the meaning of the result.
 */
public final class ItVerifiers {
    private ItVerifiers() {}

    /** sample-app: the chart of the configuration, and the runnable jar. */
    public static void sampleApp(Path basedir) throws Exception {
        Path chart = basedir.resolve("target/helm/visit-counter");
        assertLintClean(chart);
        RenderedChart r = RenderedChart.render(chart, "lab", Map.of());
        String name = "lab-visit-counter";

        StatefulSet sts = r.get(StatefulSet.class, name);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(2);
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(sts.getSpec().getServiceName()).isEqualTo(name + "-headless");
        assertThat(sts.getSpec().getMinReadySeconds()).isEqualTo(5);
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition())
                .isZero();
        assertThat(sts.getSpec()
                        .getUpdateStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isEqualTo(1);
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Retain");
        var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(claim.getMetadata().getName()).isEqualTo("data");
        assertThat(claim.getSpec().getResources().getRequests().get("storage")).isEqualTo(new Quantity("1Mi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("standard");

        // podAntiAffinity soft, the default: the two replicas prefer different nodes.
        assertThat(sts.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getAffinity()
                        .getPodAntiAffinity()
                        .getPreferredDuringSchedulingIgnoredDuringExecution())
                .singleElement()
                .satisfies(term -> {
                    assertThat(term.getWeight()).isEqualTo(100);
                    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                            .isEqualTo(sts.getSpec().getSelector().getMatchLabels());
                });
        Container app = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(app.getImage()).isEqualTo("ghcr.io/acme/visit-counter:1.0.0");
        // The app reads its data directory from DATA_DIR: it must be where the claim is mounted.
        String dataDir = app.getEnv().stream()
                .filter(e -> e.getName().equals("DATA_DIR"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
        assertThat(app.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("data");
            assertThat(m.getMountPath()).isEqualTo(dataDir);
        });
        assertThat(app.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("WHOAMI");
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("visit-counter-credentials");
        });
        assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");

        assertThat(r.get(Service.class, name + "-headless").getSpec().getClusterIP())
                .isEqualTo("None");
        assertThat(r.get(Service.class, name).getSpec().getType()).isEqualTo("NodePort");
        assertThat(r.get(Job.class, name + "-preinstall").getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "pre-install");
        assertThat(r.get(Pod.class, name + "-test-connection").getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "test");

        assertThat(basedir.resolve("target/visit-counter-1.0.0.jar")).isRegularFile();
        String log = buildLog(basedir);
        assertLogHas(
                log,
                "visit-counter",
                "Generated chart visit-counter 1.0.0 in",
                "statefulset:validate target/helm/visit-counter: 0 errors, 0 warnings, 0 infos in 7 objects (1 variant: default)");
        // maxUnavailable 1 is what every Kubernetes version does: the configuration draws no warning.
        assertLogLacks(log, "maxUnavailable", "<updateStrategy><maxUnavailable>");
        assertNoPluginWarnings(log);
        assertThat(basedir.resolve("target/statefulset/validation.sarif")).isRegularFile();
        assertLintClean(basedir.resolve("target/helm/visit-counter-1.0.0.tgz"));
    }

    /** upgrade-refused: a larger claim than the previous release had. */
    public static void upgradeRefused(Path basedir) throws Exception {
        assertLogHas(
                buildLog(basedir),
                "upgrade-immutable-field",
                "upgrade-immutable-field StatefulSet/release-name-upgrade spec.volumeClaimTemplates[data].spec.resources.requests.storage",
                "changes from 1Mi to 2Mi",
                "spec: Forbidden: updates to statefulset spec for fields other than",
                "kubectl patch pvc data-release-name-upgrade-<ordinal>",
                "BUILD FAILURE");
        var findings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(basedir.resolve("target/statefulset/validation.json").toFile());
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("ruleId").asText()).isEqualTo("upgrade-immutable-field");
            assertThat(f.get("severity").asText()).isEqualTo("error");
        });
    }

    /** upgrade-allowed: more replicas and a new image tag change nothing the API server freezes. */
    public static void upgradeAllowed(Path basedir) throws Exception {
        String log = buildLog(basedir);
        assertLogLacks(log, "statefulset:validate", "upgrade-immutable-field", "BUILD FAILURE");
        assertLogHas(
                log,
                "statefulset:validate",
                "statefulset:validate target/previous/upgrade: 0 errors",
                "statefulset:validate target/helm/upgrade: 0 errors");
        Map<String, Object> values =
                new Yaml().load(Files.readString(basedir.resolve("target/helm/upgrade/values.yaml")));
        assertThat(values).containsEntry("replicaCount", 4);
    }

    /** validate-lab-chart: a hand-made chart from outside the build, with the lab's faults. */
    public static void labChart(Path basedir) throws Exception {
        assertLogHas(
                buildLog(basedir),
                "statefulset:validate",
                "error secret-embedded Secret/visit-counter-secret stringData",
                "warning hook-bare-pod Pod/preinstall-hook kind",
                "warning sts-service-name StatefulSet/lab-visit-counter spec.serviceName",
                "statefulset:validate found problems at or above 'error'",
                "BUILD FAILURE");
    }

    /** several-claims-ondelete: OnDelete, OrderedReady, two claims, two hooks, no client Service, a user template. */
    public static void severalClaimsOnDelete(Path basedir) throws Exception {
        Path chart = basedir.resolve("target/helm/ledger");
        assertLintClean(chart);
        RenderedChart r = RenderedChart.render(chart, "it", Map.of());
        StatefulSet sts = r.get(StatefulSet.class, "it-ledger");
        assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
        assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(sts.getSpec().getVolumeClaimTemplates())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("data", "wal");
        assertThat(r.all(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .containsExactly("it-ledger-headless");
        assertThat(r.all(Job.class))
                .extracting(j -> j.getMetadata().getName())
                .containsExactlyInAnyOrder("it-ledger-migrate", "it-ledger-notify");
        assertThat(r.get(Job.class, "it-ledger-migrate").getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
        assertThat(r.names()).contains("ConfigMap/it-ledger-settings");
        Map<String, Object> chartYaml = new Yaml().load(Files.readString(chart.resolve("Chart.yaml")));
        assertThat(chartYaml).containsEntry("version", "2.1.0-SNAPSHOT").containsEntry("appVersion", "2.1-SNAPSHOT");
    }

    /**
     * production-features: every production feature through Maven's binding of the POM; the chart
     * passes strict lint, renders for Kubernetes with and without native sidecars, every object
     * reads into its fabric8 type without unknown fields, and each feature does what the POM says.
     */
    public static void productionFeatures(Path basedir) throws Exception {
        Path chart = basedir.resolve("target/helm/ledger");
        assertLintClean(chart);
        String name = "it-ledger";
        for (String kubeVersion : List.of("1.35.0", "1.28.0")) {
            boolean nativeSidecars = kubeVersion.equals("1.35.0");
            RenderedChart r = RenderedChart.render(
                    chart, io.statefulset.helm.TemplateRequest.release("it").withKubeVersion(kubeVersion));
            StatefulSet sts = r.get(StatefulSet.class, name);
            var pod = sts.getSpec().getTemplate().getSpec();
            Map<String, String> selector = sts.getSpec().getSelector().getMatchLabels();
            // <podAntiAffinity>hard
            assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                    .singleElement()
                    .satisfies(term -> {
                        assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                        assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(selector);
                    });
            // <initContainers> and <sidecars>
            assertThat(pod.getInitContainers())
                    .extracting(Container::getName)
                    .as(kubeVersion)
                    .containsExactlyElementsOf(nativeSidecars ? List.of("restore", "shipper") : List.of("restore"));
            assertThat(pod.getContainers())
                    .extracting(Container::getName)
                    .as(kubeVersion)
                    .containsExactlyElementsOf(nativeSidecars ? List.of("ledger") : List.of("ledger", "shipper"));
            Container restore = pod.getInitContainers().get(0);
            assertThat(restore.getCommand()).containsExactly("tools", "restore");
            assertThat(restore.getArgs()).containsExactly("--target", "$(TARGET)");
            assertThat(restore.getEnv())
                    .singleElement()
                    .satisfies(e -> assertThat(e.getValue()).isEqualTo("/var/lib/ledger"));
            assertThat(restore.getVolumeMounts())
                    .extracting(m -> m.getName() + ":" + m.getMountPath())
                    .containsExactly("data:/var/lib/ledger", "tmp:/tmp");
            Container shipper = nativeSidecars
                    ? pod.getInitContainers().get(1)
                    : pod.getContainers().get(1);
            assertThat(shipper.getRestartPolicy()).isEqualTo(nativeSidecars ? "Always" : null);
            assertThat(shipper.getResources().getLimits().get("memory")).isEqualTo(new Quantity("128Mi"));
            assertThat(shipper.getResources().getLimits().get("cpu")).isEqualTo(new Quantity("100m"));
            assertThat(shipper.getSecurityContext())
                    .isEqualTo(pod.getContainers().get(0).getSecurityContext());
            // <configFiles>: the files of the project, byte for byte, mounted read-only, rolled by checksum
            Path config = basedir.resolve("src/main/k8s/config");
            io.fabric8.kubernetes.api.model.ConfigMap configMap =
                    r.get(io.fabric8.kubernetes.api.model.ConfigMap.class, name + "-config");
            Map<String, byte[]> arrived = new java.util.TreeMap<>();
            configMap.getData().forEach((k, v) -> arrived.put(k, v.getBytes(StandardCharsets.UTF_8)));
            configMap
                    .getBinaryData()
                    .forEach((k, v) ->
                            arrived.put(k, java.util.Base64.getDecoder().decode(v)));
            assertThat(arrived).containsOnlyKeys("application.properties", "banner.txt", "keystore.p12");
            for (String file : arrived.keySet()) {
                assertThat(arrived.get(file)).as(file).isEqualTo(Files.readAllBytes(config.resolve(file)));
            }
            assertThat(configMap.getBinaryData()).containsOnlyKeys("keystore.p12");
            assertThat(pod.getContainers().get(0).getVolumeMounts()).anySatisfy(m -> {
                assertThat(m.getMountPath()).isEqualTo("/etc/ledger");
                assertThat(m.getReadOnly()).isTrue();
            });
            assertThat(sts.getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getAnnotations()
                            .get("checksum/config"))
                    .matches("[0-9a-f]{64}");
            // <networkPolicy>: the connection test's pod is let in, on the port it reaches
            var policy = r.get(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, name);
            Map<String, String> testLabels =
                    r.get(Pod.class, name + "-test-connection").getMetadata().getLabels();
            assertThat(policy.getSpec().getIngress().get(0).getFrom())
                    .anySatisfy(from -> assertThat(testLabels.entrySet())
                            .containsAll(from.getPodSelector().getMatchLabels().entrySet()));
            assertThat(policy.getSpec().getIngress().get(0).getPorts())
                    .extracting(p -> p.getPort().getIntVal())
                    .containsExactly(8080, 9090, 2020);
            // <metrics>: the ServiceMonitor selects the headless Service, which exposes the port
            var monitor = r.get(io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class, name);
            Service headless = r.get(Service.class, name + "-headless");
            assertThat(headless.getMetadata().getLabels().entrySet())
                    .containsAll(
                            monitor.getSpec().getSelector().getMatchLabels().entrySet());
            assertThat(r.get(Service.class, name).getMetadata().getLabels().entrySet())
                    .doesNotContainAnyElementsOf(
                            Map.of("statefulset.io/service", "headless").entrySet());
            assertThat(headless.getSpec().getPorts())
                    .extracting(io.fabric8.kubernetes.api.model.ServicePort::getName)
                    .containsExactly("http", "metrics", "ship-admin");
            assertThat(monitor.getSpec().getEndpoints().get(0).getPort()).isEqualTo("metrics");
        }
        String log = buildLog(basedir);
        assertLogHas(
                log,
                "ledger",
                "Generated chart ledger 2.4.0 in",
                "statefulset:validate target/helm/ledger: 0 errors, 0 warnings, 0 infos in 9 objects (1 variant: default)");
        assertNoPluginWarnings(log);
    }

    /** previous-chart-kept: the second, failing build must leave the first build's chart intact. */
    public static void previousChartKept(Path basedir) throws Exception {
        Path chart = basedir.resolve("target/helm/keeper");
        Map<String, Object> values = new Yaml().load(Files.readString(chart.resolve("values.yaml")));
        assertThat(values).containsEntry("replicaCount", 2);
        assertLintClean(chart);
        try (var entries = Files.list(chart.getParent())) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("keeper");
        }
        assertLogHas(buildLog(basedir), "<replicas>", "<replicas> = '-1': must be 0 or more", "BUILD FAILURE");
    }

    /** package-reproducible: the installed archive (first build) and a rebuilt one (second build) are byte-identical. */
    public static void packageReproducible(Path basedir, Path localRepository) throws Exception {
        Path installed = localRepository.resolve("io/statefulset/it/ledger-chart/1.0.0/ledger-chart-1.0.0-helm.tgz");
        Path rebuilt = basedir.resolve("target/helm/ledger-1.0.0.tgz");
        assertThat(installed)
                .as("the chart attached with type tgz and classifier helm")
                .isRegularFile();
        assertThat(rebuilt).isRegularFile();
        assertThat(io.statefulset.chart.Fingerprint.sha256(rebuilt))
                .isEqualTo(io.statefulset.chart.Fingerprint.sha256(installed));
        assertLintClean(rebuilt);
        assertLogHas(buildLog(basedir), "Packaged", "Packaged " + rebuilt.toAbsolutePath());
    }

    /** up-to-date: the second build does nothing, the third (a changed POM property) everything. */
    public static void upToDate(Path basedir) throws Exception {
        String log = buildLog(basedir);
        assertThat(count(log, "Generated chart keeper 1.0.0 in"))
                .as("generated by builds 1 and 3; %s", excerpt(log, "keeper"))
                .isEqualTo(2);
        assertThat(count(log, "Chart keeper 1.0.0 is up to date"))
                .as("generate skipped in build 2; %s", excerpt(log, "keeper"))
                .isEqualTo(1);
        assertThat(count(log, "statefulset:validate: up to date"))
                .as("validate skipped in build 2; %s", excerpt(log, "statefulset:validate"))
                .isEqualTo(1);
        assertThat(count(log, "is up to date (sha256"))
                .as("package skipped in build 2; %s", excerpt(log, "keeper-1.0.0.tgz"))
                .isEqualTo(1);
        assertThat(count(log, "Packaged "))
                .as("packaged by builds 1 and 3; %s", excerpt(log, "keeper-1.0.0.tgz"))
                .isEqualTo(2);
        assertNoPluginWarnings(log);
        Map<String, Object> values =
                new Yaml().load(Files.readString(basedir.resolve("target/helm/keeper/values.yaml")));
        assertThat(values).containsEntry("replicaCount", 3);
    }

    /** template-overrides: --set and a values file, for an older Kubernetes. */
    public static void templateOverrides(Path basedir) throws Exception {
        Path rendered = basedir.resolve("target/helm/keeper-rendered.yaml");
        String log = buildLog(basedir);
        assertLogHas(log, "keeper", "Rendered keeper to " + rendered.toAbsolutePath());
        assertNoPluginWarnings(log);
        // The same goals on Maven 3 and 4: generate, then template; nothing of process-resources.
        List<String> goals = log.lines()
                .filter(l -> l.startsWith("[INFO] --- ") && l.endsWith(" ---"))
                .map(l -> l.replaceFirst("^\\[INFO] --- \\S+:\\S+:(\\S+) .*$", "$1"))
                .toList();
        assertThat(goals)
                .as("the goals the build ran, %s", excerpt(log, "--- "))
                .containsExactly("generate", "template");
        io.statefulset.validate.Manifests m = io.statefulset.validate.ManifestReader.read(Files.readString(rendered));
        assertThat(m.problems()).isEmpty();
        StatefulSet sts = m.of(StatefulSet.class).get(0);
        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/acme/keeper:2.0.0");
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("example.org/from", "ci-values");
        assertThat(sts.getMetadata().getName()).isEqualTo("ci-keeper");
    }

    /** Where Helm keeps this user's registry logins, located as Helm locates them. */
    public static Path userHelmRegistryConfig() {
        return io.statefulset.registry.HelmRegistryLogins.configFile();
    }

    /** push: the chart in the registry is the archive the build made, byte for byte. */
    public static void pushed(
            Path basedir, io.statefulset.registry.RegistryServer registry, String user, String password)
            throws Exception {
        Path archive = basedir.resolve("target/helm/ledger-1.0.0.tgz");
        var credentials = user == null ? null : new io.statefulset.registry.OciRegistry.Credentials(user, password);
        var oci = new io.statefulset.registry.OciRegistry(
                registry.chartsUrl(),
                credentials,
                "<pushServerId>",
                new io.statefulset.registry.RegistryAccess(true, null, false),
                io.statefulset.chart.Deadline.after(java.time.Duration.ofSeconds(60), "<pushTimeout>"));
        var manifest = oci.manifest("ledger", "1.0.0");
        String layer = manifest.get("layers").get(0).get("digest").asText();
        assertThat(layer).isEqualTo(io.statefulset.helm.ChartPusher.digest(archive));
        assertThat(oci.blob("ledger", layer)).isEqualTo(Files.readAllBytes(archive));
        String log = buildLog(basedir);
        assertLogHas(log, "Pushed", "Pushed oci://127.0.0.1:" + registry.port() + "/charts/ledger:1.0.0 (sha256:");
        if (password != null) {
            assertThat(log.contains(password))
                    .as("the password appears in build.log")
                    .isFalse();
        }
    }

    /**
     * previous-chart-registry (prebuild): releases of ledger as another pipeline pushed them, each
     * with claims of its own size so that the one validate pulls can be told: 1.0.0 (1Gi), 1.1.0
     * (2Gi), 1.2.0-SNAPSHOT (4Gi) and 0.9.0 (8Gi), in that order, all with podManagementPolicy
     * Parallel.
     */
    public static void pushLedgerReleases(
            Path dir, io.statefulset.registry.RegistryServer registry, String user, String password) throws Exception {
        Map<String, String> sizes = new java.util.LinkedHashMap<>();
        sizes.put("1.0.0", "1Gi");
        sizes.put("1.1.0", "2Gi");
        sizes.put("1.2.0-SNAPSHOT", "4Gi");
        sizes.put("0.9.0", "8Gi");
        for (Map.Entry<String, String> release : sizes.entrySet()) {
            io.statefulset.chart.RawConfig config = io.statefulset.chart.SampleConfigs.visitCounter()
                    .chartName("ledger")
                    .chartVersion(release.getKey(), release.getKey())
                    .volumeClaimTemplates(io.statefulset.chart.RawConfig.claim("data")
                            .mountPath("/data")
                            .size(release.getValue())
                            .accessModes("ReadWriteOnce")
                            .storageClassName("standard"));
            Path chart = RenderedChart.generateUnchecked(config, dir.resolve(release.getKey()));
            Path archive = io.statefulset.chart.ChartPackager.pack(
                    chart,
                    dir.resolve("out"),
                    java.time.Instant.parse("2026-01-01T00:00:00Z"),
                    io.statefulset.helm.TestHelm.PACKAGING);
            new io.statefulset.helm.ChartPusher(io.statefulset.helm.TestHelm.RUNNER)
                    .push(
                            archive,
                            io.statefulset.chart.ChartMetadata.read(chart),
                            registry.chartsUrl(),
                            new io.statefulset.registry.OciRegistry.Credentials(user, password),
                            new io.statefulset.registry.RegistryAccess(true, null, false),
                            false,
                            io.statefulset.chart.Deadline.after(java.time.Duration.ofSeconds(60), "<pushTimeout>"));
        }
    }

    /**
     * previous-chart-registry: a wrong password names the element and the registry; against 1.0.0
     * and against latest-release (1.1.0, whose claims are as large as this chart's) the change of
     * podManagementPolicy is refused, and nothing else.
     */
    public static void previousChartFromRegistry(Path basedir, io.statefulset.registry.RegistryServer registry)
            throws Exception {
        String log = buildLog(basedir);
        String charts = registry.chartsUrl().toString();
        String url = "http://127.0.0.1:" + registry.port();
        assertThat(log)
                .as(excerpt(log, "previous"))
                .contains("<previousChart> = '" + charts + "/ledger:latest-release': the registry " + url
                        + " refused access to chart charts/ledger (HTTP 401); check the <server> credentials named by"
                        + " <previousChartServerId>")
                .doesNotContain("not-the-password")
                .contains("Pulled " + charts + "/ledger:1.0.0 as the previous chart (sha256:")
                .contains("Pulled " + charts + "/ledger:1.1.0 (latest-release) as the previous chart (sha256:")
                .contains("error upgrade-immutable-field StatefulSet/release-name-ledger spec.podManagementPolicy")
                .contains("changes from Parallel to OrderedReady")
                .doesNotContain("requests.storage:");
        assertThat(count(log, "upgrade-immutable-field StatefulSet/release-name-ledger spec.podManagementPolicy"))
                .as("reported against 1.0.0 and against latest-release")
                .isEqualTo(2);
        var findings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(basedir.resolve("target/statefulset/validation.json").toFile());
        List<String> immutable = new java.util.ArrayList<>();
        findings.forEach(f -> {
            if (f.get("ruleId").asText().equals("upgrade-immutable-field")) {
                immutable.add(f.get("path").asText());
            }
        });
        assertThat(immutable).as("the last build, against 1.1.0").containsExactly("spec.podManagementPolicy");
    }

    /** reactor-parallel: both modules' charts, built with -T 2. */
    public static void reactor(Path basedir) throws Exception {
        for (String module : List.of("alpha", "beta")) {
            Path archive = basedir.resolve(module + "/target/helm/" + module + "-1.0.0.tgz");
            assertThat(archive).isRegularFile();
            assertLintClean(archive);
        }
        String log = buildLog(basedir);
        assertLogHas(
                log, "MultiThreadedBuilder", "Using the MultiThreadedBuilder implementation with a thread count of 2");
        assertNoPluginWarnings(log);
    }

    /**
     * natives-*: the helm-java natives in a dependency:tree of the plugin are exactly {@code
     * platform}'s: one native, the right one.
     */
    public static void natives(Path basedir, String treeFile, String platform) throws Exception {
        Path tree = basedir.resolve(treeFile);
        String log = buildLog(basedir);
        if (!Files.isRegularFile(tree)) {
            throw new AssertionError(treeFile + " was not written\n" + excerpt(log, "helm-java"));
        }
        String text = Files.readString(tree);
        Matcher natives = NATIVE.matcher(text);
        List<String> found = new ArrayList<>();
        while (natives.find()) {
            found.add(natives.group(1));
        }
        assertThat(found)
                .as("helm-java natives resolved for %s, in %s:%n%s", platform, treeFile, text)
                .containsExactly(platform);
    }

    private static final Pattern NATIVE = Pattern.compile(
            "com\\.marcnuri\\.helm-java:(linux-amd64|linux-arm64|darwin-amd64|darwin-arm64|windows-amd64):jar:");

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static void assertLintClean(Path chart) throws Exception {
        LintReport lint = io.statefulset.helm.TestHelm.RUNNER.lint(chart, true);
        assertThat(lint.failed())
                .as("helm lint --strict failed: %s", lint.messages())
                .isFalse();
        assertThat(lint.aboveInfo()).isEmpty();
    }

    /**
     * The lines of a build log worth reading when an assertion fails: errors, warnings and lines
     * that mention {@code about}, at most 40, instead of the whole log.
     */
    public static String excerpt(String log, String about) {
        List<String> lines = log.lines()
                .filter(l -> l.contains("[ERROR]") || l.contains("[WARNING]") || l.contains(about))
                .toList();
        return "build.log, the lines with errors, warnings or '" + about + "':\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Fails unless the log holds every one of {@code expected}, printing the lines about {@code about}. */
    public static void assertLogHas(String log, String about, String... expected) {
        List<String> missing =
                Arrays.stream(expected).filter(e -> !log.contains(e)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("build.log lacks " + String.join(" | ", missing) + "\n" + excerpt(log, about));
        }
    }

    /** Fails if the log holds any of {@code unexpected}, printing the lines about {@code about}. */
    public static void assertLogLacks(String log, String about, String... unexpected) {
        List<String> present = Arrays.stream(unexpected).filter(log::contains).toList();
        if (!present.isEmpty()) {
            throw new AssertionError("build.log holds " + String.join(" | ", present) + "\n" + excerpt(log, about));
        }
    }

    /**
     * Fails if Maven warned about this plugin: a plugin validation report naming it (Maven 3.9 and 4
     * with {@code -Dmaven.plugin.validation=VERBOSE}), or any other warning line that names it, such
     * as configuration it ignores.
     */
    public static void assertNoPluginWarnings(String log) {
        List<String> warnings = pluginWarnings(log);
        if (!warnings.isEmpty()) {
            throw new AssertionError("Maven warned about " + PLUGIN + ":\n" + String.join("\n", warnings));
        }
    }

    private static final String PLUGIN = "io.statefulset:statefulset-maven-plugin";

    /** A plugin's entry in a validation report: {@code [WARNING]  * group:artifact:version}. */
    private static final Pattern REPORT_ENTRY = Pattern.compile("\\[WARNING]\\s+\\* [^\\s:]+:[^\\s:]+:\\S+");

    static List<String> pluginWarnings(String log) {
        List<String> found = new ArrayList<>();
        boolean inOurEntry = false;
        for (String line : log.lines().toList()) {
            if (!line.startsWith("[WARNING]")
                    || line.substring("[WARNING]".length()).isBlank()) {
                inOurEntry = false;
                continue;
            }
            if (REPORT_ENTRY.matcher(line).matches()) {
                inOurEntry = line.contains(PLUGIN + ":");
            }
            if (inOurEntry || line.contains("statefulset-maven-plugin")) {
                found.add(line);
            }
        }
        return found;
    }

    public static String buildLog(Path basedir) throws Exception {
        return Files.readString(basedir.resolve("build.log"), StandardCharsets.UTF_8);
    }
}
