package io.statefulset.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.TemplateRequest;
import io.statefulset.validate.ManifestReader;
import io.statefulset.validate.Manifests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test support: runs what a cluster would run for the StatefulSet that real Helm renders from a
 * generated chart, as local processes of the sample app's jar. One process per ordinal with the
 * container's environment (Secret references resolved from a fixture), {@code HOSTNAME} set to the
 * pod name, the container port mapped to a free loopback port and every claim template a directory
 * named like the PVC Kubernetes would create ({@code <claim>-<statefulset>-<ordinal>}), seen by the
 * process where the container mounts it. It honours podManagementPolicy (OrderedReady waits for each
 * pod's readiness probe before starting the next), the readiness probe itself, SIGTERM on
 * uninstall and the claim retention policy on uninstall and scale-down.
 *
 * <p>What it cannot show: scheduling, real volumes and their access modes, networking between
 * pods, the API server's own checks, and the StatefulSet controller's handling of failures.
 */
public final class LocalStatefulSet implements AutoCloseable {
    /** What the app reads its data directory from, and its listening port. */
    static final String DATA_DIR_ENV = "DATA_DIR";

    static final String PORT_ENV = "PORT";
    static final int APP_DEFAULT_PORT = 8080;

    private final Path jar;
    private final Path chart;
    private final Path volumes;
    private final Map<String, Map<String, String>> secrets;
    private final HelmRunner helm = io.statefulset.helm.TestHelm.RUNNER;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Integer, Pod> pods = new TreeMap<>();
    private final List<String> events = new ArrayList<>();

    private String release;
    private StatefulSet statefulSet;

    /**
     * @param jar the sample app's jar
     * @param chart the chart generated for it
     * @param volumes where claim directories live (the "storage" that outlives pods)
     * @param secrets Secret name to key to value, for secretKeyRef
     */
    public LocalStatefulSet(Path jar, Path chart, Path volumes, Map<String, Map<String, String>> secrets) {
        this.jar = jar;
        this.chart = chart;
        this.volumes = volumes;
        this.secrets = secrets;
    }

    /** A running pod: its process, the loopback port its container port is mapped to, its claim directories. */
    public record Pod(String name, int ordinal, Process process, int port, Map<String, Path> claims, Path log) {
        public URI url(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    /** {@code helm install}: render with real Helm, then start the pods as the controller would. */
    public void install(String releaseName, Map<String, String> set) throws Exception {
        this.release = releaseName;
        this.statefulSet = render(set);
        startPods(ordinals(replicas()));
    }

    /** {@code helm upgrade --set …} for replica changes: scale down from the highest ordinal, or up. */
    public void upgrade(Map<String, String> set) throws Exception {
        StatefulSet next = render(set);
        int from = replicas();
        this.statefulSet = next;
        int to = replicas();
        if (to < from) {
            List<Integer> removed = new ArrayList<>(ordinals(from).subList(to, from));
            removed.sort(Comparator.reverseOrder());
            for (int ordinal : removed) {
                stop(pods.remove(ordinal));
                if ("Delete".equals(retention("whenScaled"))) {
                    deleteClaims(ordinal);
                }
            }
        } else if (to > from) {
            startPods(ordinals(to).subList(from, to));
        }
    }

    /** {@code helm uninstall}: SIGTERM to every pod; the claims stay unless whenDeleted is Delete. */
    public void uninstall() throws Exception {
        List<Pod> all = new ArrayList<>(pods.values());
        pods.clear();
        all.forEach(p -> p.process().destroy());
        for (Pod pod : all) {
            awaitExit(pod);
        }
        if ("Delete".equals(retention("whenDeleted"))) {
            // The StatefulSet owns every claim it created, so garbage collection also takes the claims of
            // ordinals that were scaled away earlier, not only those of the pods running now.
            for (int ordinal : claimedOrdinals()) {
                deleteClaims(ordinal);
            }
        }
        // The StatefulSet is gone; it is kept here only to name the claim directories that outlive it.
    }

    /** kill -9 of one pod's process, as a node crash or OOM kill would do it. */
    public void kill(int ordinal) throws Exception {
        Pod pod = pods.remove(ordinal);
        pod.process().destroyForcibly();
        pod.process().waitFor(10, TimeUnit.SECONDS);
        events.add("killed " + pod.name());
    }

    /** The controller recreating a missing pod with the same name and claims. */
    public Pod restart(int ordinal) throws Exception {
        Pod pod = start(ordinal);
        awaitReady(pod);
        return pod;
    }

    public Pod pod(int ordinal) {
        Pod pod = pods.get(ordinal);
        assertThat(pod).as("pod with ordinal " + ordinal).isNotNull();
        return pod;
    }

    public StatefulSet statefulSet() {
        return statefulSet;
    }

    /** What happened, in order: "start <pod>", "ready <pod>", "stopped <pod>", "killed <pod>". */
    public List<String> events() {
        return List.copyOf(events);
    }

    public Path claimDirectory(String claim, int ordinal) {
        return volumes.resolve(claim + "-" + statefulSet.getMetadata().getName() + "-" + ordinal);
    }

    @Override
    public void close() throws Exception {
        for (Pod pod : pods.values()) {
            pod.process().destroyForcibly();
            pod.process().waitFor(10, TimeUnit.SECONDS);
        }
        pods.clear();
    }

    private StatefulSet render(Map<String, String> set) throws Exception {
        Manifests manifests = ManifestReader.read(
                helm.template(chart, TemplateRequest.release(release).withSet(set)));
        assertThat(manifests.problems()).isEmpty();
        List<StatefulSet> all = manifests.of(StatefulSet.class);
        assertThat(all).as("the chart renders one StatefulSet").hasSize(1);
        return all.get(0);
    }

    private int replicas() {
        return statefulSet.getSpec().getReplicas() == null
                ? 1
                : statefulSet.getSpec().getReplicas();
    }

    /** Ordinals from spec.ordinals.start (default 0). */
    private List<Integer> ordinals(int replicas) {
        int start = statefulSet.getSpec().getOrdinals() == null
                        || statefulSet.getSpec().getOrdinals().getStart() == null
                ? 0
                : statefulSet.getSpec().getOrdinals().getStart();
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            list.add(start + i);
        }
        return list;
    }

    private String retention(String when) {
        var policy = statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy();
        if (policy == null) {
            return "Retain";
        }
        String value = when.equals("whenDeleted") ? policy.getWhenDeleted() : policy.getWhenScaled();
        return value == null ? "Retain" : value;
    }

    private void startPods(List<Integer> ordinals) throws Exception {
        String policy = statefulSet.getSpec().getPodManagementPolicy() == null
                ? "OrderedReady"
                : statefulSet.getSpec().getPodManagementPolicy();
        if (policy.equals("OrderedReady")) {
            for (int ordinal : ordinals) {
                awaitReady(start(ordinal));
            }
        } else {
            List<Pod> started = new ArrayList<>();
            for (int ordinal : ordinals) {
                started.add(start(ordinal));
            }
            for (Pod pod : started) {
                awaitReady(pod);
            }
        }
    }

    private Pod start(int ordinal) throws Exception {
        String podName = statefulSet.getMetadata().getName() + "-" + ordinal;
        Container container =
                statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = environment(container);
        Map<String, Path> claims = new LinkedHashMap<>();
        for (PersistentVolumeClaim claim : statefulSet.getSpec().getVolumeClaimTemplates()) {
            String claimName = claim.getMetadata().getName();
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> m.getName().equals(claimName))
                    .findFirst()
                    .orElseThrow();
            Path dir = Files.createDirectories(claimDirectory(claimName, ordinal));
            claims.put(claimName, dir);
            // The app finds its data through DATA_DIR; it must name the claim's mount path, then it is pointed at the
            // claim directory.
            if (env.containsKey(DATA_DIR_ENV) && env.get(DATA_DIR_ENV).equals(mount.getMountPath())) {
                env.put(DATA_DIR_ENV, dir.toString());
            }
        }
        assertThat(env.get(DATA_DIR_ENV))
                .as(DATA_DIR_ENV + " must name a claim's mount path")
                .isIn(claims.values().stream().map(Path::toString).toList());

        ContainerPort http = container.getPorts().get(0);
        assertThat(http.getContainerPort())
                .as("the app listens on its default port inside the container")
                .isEqualTo(APP_DEFAULT_PORT);
        int hostPort = freePort();
        env.put(PORT_ENV, String.valueOf(hostPort));
        env.put("HOSTNAME", podName);

        Path log = volumes.resolve("logs").resolve(podName + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        Pod pod = new Pod(podName, ordinal, process, hostPort, claims, log);
        pods.put(ordinal, pod);
        events.add("start " + podName);
        return pod;
    }

    /**
     * The container's env as the kubelet assembles it: literal values with their {@code $(NAME)}
     * references expanded, and secretKeyRef values from the fixture (missing ones fail like a kubelet
     * would). The Service variables a kubelet adds are left out: the sample app reads none.
     */
    private Map<String, String> environment(Container container) {
        return new LinkedHashMap<>(KubeletEnv.environment(container.getEnv(), this::secretValue, Map.of()));
    }

    private String secretValue(EnvVar var) {
        var ref = var.getValueFrom().getSecretKeyRef();
        assertThat(ref)
                .as("only literal values and secretKeyRef are emulated: " + var.getName())
                .isNotNull();
        String value = secrets.getOrDefault(ref.getName(), Map.of()).get(ref.getKey());
        if (value == null && !Boolean.TRUE.equals(ref.getOptional())) {
            throw new IllegalStateException(
                    "CreateContainerConfigError: secret " + ref.getName() + " has no key " + ref.getKey());
        }
        return value;
    }

    /** Polls the rendered readiness probe (path and port) the way the kubelet does, until it answers 200. */
    private void awaitReady(Pod pod) throws Exception {
        Container container =
                statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
        Probe probe = container.getReadinessProbe();
        assertThat(probe).as("the sample chart has a readiness probe").isNotNull();
        IntOrString port = probe.getHttpGet().getPort();
        if (port.getStrVal() != null) {
            assertThat(container.getPorts()).extracting(ContainerPort::getName).contains(port.getStrVal());
        }
        URI uri = pod.url(probe.getHttpGet().getPath());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!pod.process().isAlive()) {
                throw new IllegalStateException(
                        pod.name() + " exited with " + pod.process().exitValue() + ": " + Files.readString(pod.log()));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(uri)
                                                .timeout(Duration.ofSeconds(1))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    events.add("ready " + pod.name());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            pod.process().waitFor(20, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(pod.name() + " did not become ready: " + Files.readString(pod.log()));
    }

    /** SIGTERM, then the grace period the pod spec gives, then SIGKILL: what the kubelet does. */
    private void stop(Pod pod) throws Exception {
        pod.process().destroy();
        awaitExit(pod);
    }

    private void awaitExit(Pod pod) throws Exception {
        long grace = statefulSet.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        if (!pod.process().waitFor(grace, TimeUnit.SECONDS)) {
            pod.process().destroyForcibly().waitFor();
        }
        events.add("stopped " + pod.name());
    }

    /** Every ordinal that has a claim directory of this StatefulSet, running or not. */
    private List<Integer> claimedOrdinals() throws IOException {
        List<Integer> ordinals = new ArrayList<>();
        String sts = statefulSet.getMetadata().getName();
        for (PersistentVolumeClaim claim : statefulSet.getSpec().getVolumeClaimTemplates()) {
            String prefix = claim.getMetadata().getName() + "-" + sts + "-";
            try (Stream<Path> dirs = Files.list(volumes)) {
                dirs.map(d -> d.getFileName().toString())
                        .filter(n -> n.startsWith(prefix)
                                && n.length() > prefix.length()
                                && n.substring(prefix.length()).chars().allMatch(Character::isDigit))
                        .map(n -> Integer.valueOf(n.substring(prefix.length())))
                        .filter(o -> !ordinals.contains(o))
                        .forEach(ordinals::add);
            }
        }
        return ordinals;
    }

    private void deleteClaims(int ordinal) throws IOException {
        for (PersistentVolumeClaim claim : statefulSet.getSpec().getVolumeClaimTemplates()) {
            Path dir = claimDirectory(claim.getMetadata().getName(), ordinal);
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
