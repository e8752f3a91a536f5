package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.Finding;
import io.statefulset.validate.ReportWriter;
import io.statefulset.validate.SourceLocator;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.ValidationReport;
import io.statefulset.validate.Validator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate on real charts, rendered by real Helm: ours (clean), the lab's hand-made one (full of faults), upgrades. */
class ChartValidationHelmTest {
    static final Path LAB_CHART = Path.of("src/test/resources/validate/lab-chart/visit-counter");

    static ChartValidator validator() {
        return new ChartValidator(
                new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()));
    }

    @Test
    void generatedSampleChartValidatesClean(@TempDir Path dir) throws Exception {
        Path chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir);
        ValidationReport report = validator().validateChart(chart, "lab", List.of(), null);
        assertThat(report.findings()).isEmpty();
        assertThat(report.objects()).isEqualTo(7);
        assertThat(report.failed()).isFalse();
    }

    @Test
    void theLabsHandMadeChartShowsEveryKnownFault() throws Exception {
        ValidationReport report = validator().validateChart(LAB_CHART, "lab", List.of(), null);
        assertThat(report.findings())
                .extracting(Finding::ruleId)
                .contains(
                        "sts-service-name", // no serviceName, so no headless Service either
                        "hook-bare-pod", // hook Pods instead of Jobs
                        "hook-no-cleanup", // and no delete policy
                        "hook-weight", // "five"
                        "release-scoped-name", // fixed hook, ConfigMap and Secret names
                        "image-tag", // latest with IfNotPresent
                        "sts-unused-volume", // the config volume nothing mounts
                        "probe-readiness", // no probes
                        "pod-security-restricted", // no security context
                        "secret-embedded", // the Secret's value in the chart
                        "pdb-missing");
        assertThat(report.findings())
                .filteredOn(f -> f.ruleId().equals("release-scoped-name"))
                .extracting(Finding::name)
                .containsExactlyInAnyOrder(
                        "visit-counter-config", "visit-counter-secret", "preinstall-hook", "postinstall-hook");
        assertThat(report.findings())
                .filteredOn(f -> f.ruleId().equals("image-tag"))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("'latest'").contains("IfNotPresent"));
        assertThat(report.findings())
                .filteredOn(f -> f.ruleId().equals("sts-unused-volume"))
                .singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo("visit-counter/templates/statefulset.yaml"));
        assertThat(report.failed()).isTrue();
    }

    @Test
    void everyValuesFileIsAVariantAndARenderFailureNamesFileAndTemplate(@TempDir Path dir) throws Exception {
        Path chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir);
        Path ok = Files.writeString(dir.resolve("three-values.yaml"), "replicaCount: 3\nimage:\n  tag: latest\n");
        Path broken = Files.writeString(
                dir.resolve("broken-values.yaml"), "updateStrategy:\n  rollingUpdate:\n    partition: 9\n");
        ValidationReport report = validator().validateChart(chart, "lab", List.of(ok, broken), null);
        assertThat(report.variants()).containsExactly("default", ok.toString(), broken.toString());
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("image-tag");
            assertThat(f.variant()).isEqualTo(ok.toString());
        });
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("helm-render");
            assertThat(f.variant()).isEqualTo(broken.toString());
            assertThat(f.message())
                    .contains("values file " + broken)
                    .contains("partition (9) is above replicaCount (2)");
            assertThat(f.source()).isEqualTo("visit-counter/templates/statefulset.yaml");
        });
    }

    @Test
    void anAllowedUpgradePasses(@TempDir Path before, @TempDir Path after) throws Exception {
        Path previous = RenderedChart.generate(SampleConfigs.visitCounter(), before);
        RawConfig next = SampleConfigs.visitCounter()
                .chartVersion("1.1.0", "1.1.0")
                .replicas(4)
                .minReadySeconds(20);
        Path current = RenderedChart.generate(next, after);
        ValidationReport report = validator().validateChart(current, "lab", List.of(), previous);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aRefusedUpgradeQuotesTheApiServerAndTheWayOut(@TempDir Path before, @TempDir Path after) throws Exception {
        Path previous = RenderedChart.generate(SampleConfigs.visitCounter(), before);
        RawConfig next = SampleConfigs.visitCounter()
                .volumeClaimTemplates(RawConfig.claim("data")
                        .mountPath("/app/data")
                        .size("2Mi")
                        .accessModes("ReadWriteOnce")
                        .storageClassName("standard"))
                .podManagementPolicy("OrderedReady")
                .updateStrategy(null);
        Path current = RenderedChart.generate(next, after);

        ValidationReport report = validator()
                .validateChart(current, "lab", List.of(), tgz(previous, before.resolve("visit-counter-1.0.0.tgz")));
        List<Finding> refused = report.findings().stream()
                .filter(f -> f.ruleId().equals("upgrade-immutable-field"))
                .toList();
        assertThat(refused)
                .extracting(Finding::path)
                .containsExactlyInAnyOrder(
                        "spec.podManagementPolicy", "spec.volumeClaimTemplates[data].spec.resources.requests.storage");
        assertThat(refused)
                .allSatisfy(
                        f -> assertThat(f.message())
                                .contains(
                                        "StatefulSet.apps \"lab-visit-counter\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than"));
        assertThat(refused)
                .filteredOn(f -> f.path().endsWith("storage"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("from 1Mi to 2Mi");
                    assertThat(f.fix())
                            .contains("kubectl patch pvc data-lab-visit-counter-<ordinal>")
                            .contains("--cascade=orphan");
                });
        assertThat(report.failed()).isTrue();
    }

    @Test
    void reportsLocateFindingsOnTemplateLines(@TempDir Path dir) throws Exception {
        ValidationReport report = validator().validateChart(LAB_CHART, "lab", List.of(), null);
        Path root = Path.of("").toAbsolutePath();
        String sarif = ReportWriter.sarif(report, "0.1.0-test", new SourceLocator(LAB_CHART.getParent(), root)::locate);
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        assertThat(new ObjectMapper().readTree(sarif).get("version").asText()).isEqualTo("2.1.0");
        assertThat(run.at("/tool/driver/rules")).hasSizeGreaterThan(30);
        assertThat(run.get("results")).hasSize(report.findings().size());
        JsonNode unusedVolume = Stream.of(run.get("results"))
                .flatMap(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false))
                .filter(r -> r.get("ruleId").asText().equals("sts-unused-volume"))
                .findFirst()
                .orElseThrow();
        JsonNode location = unusedVolume.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText())
                .isEqualTo("src/test/resources/validate/lab-chart/visit-counter/templates/statefulset.yaml");
        int line = location.at("/region/startLine").asInt();
        assertThat(Files.readAllLines(LAB_CHART.resolve("templates/statefulset.yaml"))
                        .get(line - 1))
                .contains("volumes:");

        JsonNode json = new ObjectMapper().readTree(ReportWriter.json(report));
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(report.findings().size());
        assertThat(json.get(0).fieldNames())
                .toIterable()
                .containsExactly("ruleId", "severity", "kind", "name", "path", "message", "fix", "source", "variant");
    }

    /** Packs a chart directory the way `helm package` lays it out: entries under <name>/. */
    static Path tgz(Path chart, Path target) throws Exception {
        try (OutputStream out = Files.newOutputStream(target);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            try (Stream<Path> files = Files.walk(chart)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    TarArchiveEntry entry = new TarArchiveEntry(chart.getFileName() + "/"
                            + chart.relativize(file).toString().replace('\\', '/'));
                    entry.setSize(Files.size(file));
                    tar.putArchiveEntry(entry);
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                }
            }
        }
        return target;
    }
}
