package io.statefulset.bench;

import com.marcnuri.helm.Helm;
import io.statefulset.chart.ChartCheck;
import io.statefulset.chart.ChartGenerator;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.helm.HelmException;
import io.statefulset.helm.HelmRunner;
import io.statefulset.helm.HelmWorkers;
import io.statefulset.helm.TemplateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What running Helm in worker processes costs, and how fast hostile charts are stopped. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.statefulset.bench.HelmWorkerBench}.
 *
 * <p>Prints medians: the first call of a fresh pool (JVM start, native load, one render), a render
 * of the sample chart on a warm worker, a cached repeat, and the same render by helm-java inside
 * this JVM for comparison; then the time to fail (worker start included) and the message for a
 * looping template (5 s deadline), an output that grows without end, and an output above 32 MiB.
 */
public final class HelmWorkerBench {
    private static final int RUNS = 9;

    private HelmWorkerBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bench");
        Path chart = ChartGenerator.generate(
                        SampleConfigs.visitCounter(), SampleConfigs.PROJECT, Map.of(), dir, ChartCheck.NONE)
                .chartDirectory();
        TemplateRequest request = TemplateRequest.release("bench");

        List<Long> cold = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (HelmWorkers workers = new HelmWorkers()) {
                HelmRunner helm = new HelmRunner(workers, Duration.ofSeconds(60), "<renderTimeout>");
                long start = System.nanoTime();
                helm.template(chart, request.withSet(Map.of("replicaCount", Integer.toString(i))));
                cold.add(System.nanoTime() - start);
            }
        }
        List<Long> warm = new ArrayList<>();
        List<Long> cached = new ArrayList<>();
        try (HelmWorkers workers = new HelmWorkers()) {
            HelmRunner helm = new HelmRunner(workers, Duration.ofSeconds(60), "<renderTimeout>");
            helm.lint(chart, true);
            for (int i = 0; i < RUNS * 3; i++) {
                TemplateRequest distinct = request.withSet(Map.of("replicaCount", Integer.toString(i + 1)));
                long start = System.nanoTime();
                helm.template(chart, distinct);
                warm.add(System.nanoTime() - start);
                start = System.nanoTime();
                helm.template(chart, distinct);
                cached.add(System.nanoTime() - start);
            }
        }
        List<Long> inProcess = new ArrayList<>();
        long load = System.nanoTime();
        new Helm(chart).template().withName("bench").withKubeVersion("1.35.0").call();
        long firstInProcess = System.nanoTime() - load;
        for (int i = 0; i < RUNS * 3; i++) {
            long start = System.nanoTime();
            new Helm(chart)
                    .template()
                    .withName("bench")
                    .withKubeVersion("1.35.0")
                    .set("replicaCount", i + 1)
                    .call();
            inProcess.add(System.nanoTime() - start);
        }
        System.out.printf("fresh pool, first render (JVM start + native load + render): %6.0f ms%n", ms(cold));
        System.out.printf("render on a warm worker:                                      %6.1f ms%n", ms(warm));
        System.out.printf("the same render again (cache):                                %6.2f ms%n", ms(cached));
        System.out.printf(
                "helm-java in this JVM: first call (native load) %.0f ms, then  %6.1f ms%n",
                firstInProcess / 1e6, ms(inProcess));

        hostile(dir, "loops", "{{- range until 100000 }}{{- range until 100000 }}{{- end }}{{- end }}\n", 5);
        hostile(
                dir,
                "bomb",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n"
                        + "{{- range until 10000000 }}\n  k{{ . }}: \"value number {{ . }}\"\n{{- end }}\n",
                60);
        hostile(
                dir,
                "large",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: large\ndata:\n  big: {{ repeat 40000000 \"x\" }}\n",
                60);
    }

    private static void hostile(Path dir, String name, String template, int timeoutSeconds) throws Exception {
        Path chart = dir.resolve(name);
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/t.yaml"), template);
        try (HelmWorkers workers = new HelmWorkers()) {
            HelmRunner helm = new HelmRunner(workers, Duration.ofSeconds(timeoutSeconds), "<renderTimeout>");
            long start = System.nanoTime();
            try {
                helm.template(chart, TemplateRequest.release("bench"));
                System.out.printf("%-6s rendered?!%n", name);
            } catch (HelmException e) {
                System.out.printf(
                        "%-6s failed after %5.1f s: %s%n", name, (System.nanoTime() - start) / 1e9, e.getMessage());
            }
        }
    }

    private static double ms(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
