package io.statefulset.bench;

import io.statefulset.chart.ChartGenerator;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.helm.HelmChartCheck;
import io.statefulset.helm.TemplateRequest;
import io.statefulset.validate.Finding;
import io.statefulset.validate.ManifestReader;
import io.statefulset.validate.Manifests;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validation speed against plain YAML parsing of the same stream. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.statefulset.bench.ValidateBench}.
 *
 * <p>The stream is the sample chart rendered by real Helm (7 documents: StatefulSet, two Services,
 * ServiceAccount, PodDisruptionBudget, hook Job, test Pod), repeated for as many releases as it
 * takes to reach 1,000 and 10,000 documents. Each size is measured after warm-up as the best of
 * several runs; the figures are documents per second for "parse" (SnakeYAML loading every document)
 * and "validate" (strict typed read plus every rule), and their ratio.
 */
public final class ValidateBench {
    private ValidateBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bench");
        Path chart = ChartGenerator.generate(
                        SampleConfigs.visitCounter(),
                        SampleConfigs.PROJECT,
                        Map.of(),
                        dir,
                        new HelmChartCheck(io.statefulset.helm.TestHelm.RUNNER))
                .chartDirectory();
        String release = io.statefulset.helm.TestHelm.RUNNER.template(chart, TemplateRequest.release("r"));
        System.out.printf(
                "%8s %12s %14s %14s %8s %12s%n", "docs", "MiB", "parse docs/s", "validate docs/s", "ratio", "us/doc");
        for (int size : List.of(1_000, 10_000)) {
            String stream = stream(release, size);
            int documents = ManifestReader.read(stream).all().size();
            measure(stream, 3); // warm-up
            double parse = best(() -> parse(stream), 5);
            double validate = best(() -> validate(stream), 5);
            System.out.printf(
                    "%8d %12.1f %14.0f %14.0f %8.2f %12.1f%n",
                    documents,
                    stream.length() / 1048576.0,
                    documents / parse,
                    documents / validate,
                    validate / parse,
                    validate / documents * 1e6);
        }
    }

    /** The rendered release repeated with release names r0, r1, … until it has {@code documents}. */
    static String stream(String release, int documents) {
        int perRelease = release.split("(?m)^---").length - 1;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i * perRelease < documents; i++) {
            out.append(release.replace("r-visit-counter", "r" + i + "-visit-counter")
                    .replace("\"r\"", "\"r" + i + "\""));
        }
        return out.toString();
    }

    static void parse(String stream) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object ignored : yaml.loadAll(stream)) {
            // loading is the work
        }
    }

    static void validate(String stream) throws Exception {
        Manifests manifests = ManifestReader.read(stream);
        List<Finding> findings = new Validator(ValidationConfig.defaults()).check(manifests, null);
        if (!findings.isEmpty()) {
            throw new IllegalStateException(
                    "the bench stream should be clean: " + findings.get(0).line());
        }
    }

    interface Work {
        void run() throws Exception;
    }

    static double best(Work work, int runs) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    static void measure(String stream, int runs) throws Exception {
        best(() -> parse(stream), runs);
        best(() -> validate(stream), runs);
    }
}
