package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.statefulset.chart.ChartPackager;
import io.statefulset.chart.Fingerprint;
import io.statefulset.chart.SampleConfigs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged chart: Helm's layout, the same bytes every time, and readable by real Helm. */
class ChartPackagerHelmTest {
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void sameChartAndTimestampGiveTheSameBytes(@TempDir Path one, @TempDir Path two) throws Exception {
        Path first = ChartPackager.pack(
                RenderedChart.generate(SampleConfigs.visitCounter(), one.resolve("helm")),
                one,
                TIMESTAMP,
                TestHelm.PACKAGING);
        Thread.sleep(1100); // a second later: file times on disk differ, the archive must not
        Path second = ChartPackager.pack(
                RenderedChart.generate(SampleConfigs.visitCounter(), two.resolve("helm")),
                two,
                TIMESTAMP,
                TestHelm.PACKAGING);
        assertThat(first.getFileName().toString()).isEqualTo("visit-counter-1.0.0.tgz");
        assertThat(Fingerprint.sha256(first)).isEqualTo(Fingerprint.sha256(second));
        Path third = ChartPackager.pack(
                one.resolve("helm/visit-counter"), one.resolve("later"), TIMESTAMP.plusSeconds(60), TestHelm.PACKAGING);
        assertThat(Fingerprint.sha256(third))
                .as("the timestamp is part of the archive")
                .isNotEqualTo(Fingerprint.sha256(first));
    }

    @Test
    void entriesAreSortedUnderTheChartNameWithFixedOwnerModeAndTime(@TempDir Path dir) throws Exception {
        Path chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("helm"));
        Files.writeString(chart.resolve("notes.swp"), "editor leftovers");
        Files.writeString(chart.resolve("templates/.backup.yaml"), "{{ .Values.nothing.here }}");
        Files.createDirectories(chart.resolve("files"));
        Files.writeString(chart.resolve("files/café-✓.txt"), "non-ASCII name");
        Files.createDirectories(chart.resolve(".idea"));
        Files.writeString(chart.resolve(".idea/workspace.xml"), "<x/>");
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(ChartPackager.pack(chart, dir, TIMESTAMP, TestHelm.PACKAGING));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(entry);
            }
        }
        List<String> names = entries.stream().map(TarArchiveEntry::getName).toList();
        assertThat(names)
                .isSorted()
                .allMatch(n -> n.startsWith("visit-counter/"))
                .contains(
                        "visit-counter/Chart.yaml",
                        "visit-counter/.helmignore",
                        "visit-counter/templates/tests/test-connection.yaml")
                .contains("visit-counter/files/café-✓.txt")
                .doesNotContain(
                        "visit-counter/notes.swp",
                        "visit-counter/.idea/workspace.xml",
                        "visit-counter/templates/.backup.yaml");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getMode()).isEqualTo(0100644);
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getModTime().toInstant()).isEqualTo(TIMESTAMP);
        });
    }

    /** Helm decides which files go in; their bytes are the chart's own (Helm would rewrite Chart.yaml). */
    @Test
    void everyEntryHoldsTheBytesOfTheChartDirectory(@TempDir Path dir) throws Exception {
        Path chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("helm"));
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (InputStream in = Files.newInputStream(ChartPackager.pack(chart, dir, TIMESTAMP, TestHelm.PACKAGING));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            while (tar.getNextEntry() != null) {
                entries.put(tar.getCurrentEntry().getName().substring("visit-counter/".length()), tar.readAllBytes());
            }
        }
        List<String> onDisk;
        try (java.util.stream.Stream<Path> walk = Files.walk(chart)) {
            onDisk = walk.filter(Files::isRegularFile)
                    .map(f -> chart.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(entries.keySet()).containsExactlyElementsOf(onDisk);
        entries.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(read(chart.resolve(name))));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helmLintsAndRendersThePackage(@TempDir Path dir) throws Exception {
        Path archive = ChartPackager.pack(
                RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("helm")),
                dir,
                TIMESTAMP,
                TestHelm.PACKAGING);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)))
                .isEqualTo("rw-r--r--");
        LintReport lint = RenderedChart.HELM.lint(archive, true);
        assertThat(lint.failed()).isFalse();
        assertThat(lint.aboveInfo()).isEmpty();
        RenderedChart rendered = RenderedChart.render(archive, "demo", Map.of("replicaCount", "4"));
        assertThat(rendered.get(StatefulSet.class, "demo-visit-counter")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(4);
        assertThat(rendered.all(Job.class)).hasSize(1);
    }

    /** Helm's gzip header carries an extra field; an archive made by helm package must read all the same. */
    @Test
    void anArchiveMadeByHelmPackageIsRenderedWithItsHooks(@TempDir Path dir) throws Exception {
        Path chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("helm"));
        new com.marcnuri.helm.Helm(chart).packageIt().withDestination(dir).call();
        RenderedChart rendered = RenderedChart.render(dir.resolve("visit-counter-1.0.0.tgz"), "demo", Map.of());
        assertThat(rendered.get(StatefulSet.class, "demo-visit-counter")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
        assertThat(rendered.all(Job.class)).hasSize(1);
    }
}
