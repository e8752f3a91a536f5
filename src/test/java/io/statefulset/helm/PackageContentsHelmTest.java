package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import io.statefulset.chart.ChartPackager;
import io.statefulset.chart.ChartRejectedException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which files a package holds is Helm's decision. For a corpus of {@code .helmignore} files, the
 * archive the packager writes holds exactly the files {@code helm package} (helm-java, called in
 * this JVM rather than through the build's workers) puts in its own, and the two refuse the same
 * charts.
 */
class PackageContentsHelmTest {
    static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");

    /** Files of every chart of the corpus, beside Chart.yaml and the case's .helmignore. */
    static final List<String> FILES = List.of(
            "values.yaml",
            "README.md",
            "notes.txt",
            "secret.txt",
            "a.cfg",
            "b.cfg",
            "x.dat",
            "y.dat",
            "{x,y}.dat",
            ".hidden",
            ".config/settings",
            "templates/service.yaml",
            "templates/.backup.yaml",
            "templates/.hidden/extra.yaml",
            "templates/sub/.dot.yaml",
            "templates/sub/nested.yaml",
            "files/a.txt",
            "files/notes.txt",
            "files/secret.txt",
            "files/sub/b.txt",
            "files/sub/deeper/c.txt",
            "logs/app.log",
            "data/logs",
            "docs/guide.md");

    /** A case: the .helmignore (null: none), files Helm must keep and files it must leave out. */
    record Case(String name, String helmignore, List<String> kept, List<String> left) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        return Stream.of(
                new Case(
                        "no .helmignore: Helm still leaves out hidden files and directories right in templates/",
                        null,
                        List.of("templates/sub/.dot.yaml", ".hidden", ".config/settings"),
                        List.of("templates/.backup.yaml", "templates/.hidden/extra.yaml")),
                new Case(
                        "a pattern without a slash matches the base name, at any depth",
                        "secret.txt\nlogs\n",
                        List.of("notes.txt"),
                        List.of("secret.txt", "files/secret.txt", "data/logs", "logs/app.log")),
                new Case(
                        "a pattern with a slash matches the whole path; * stops at a slash",
                        "files/*.txt\n",
                        List.of("notes.txt", "files/sub/b.txt"),
                        List.of("files/a.txt", "files/notes.txt", "files/secret.txt")),
                new Case(
                        "a leading slash anchors the pattern at the chart root",
                        "/notes.txt\n",
                        List.of("files/notes.txt"),
                        List.of("notes.txt")),
                new Case(
                        "a trailing slash matches directories only, and everything below them",
                        "logs/\nfiles/sub/\n",
                        List.of("data/logs", "files/a.txt"),
                        List.of("logs/app.log", "files/sub/b.txt", "files/sub/deeper/c.txt")),
                new Case(
                        "Go's globs: [^…] negates a class, braces are no alternation",
                        "[^b].cfg\n{x,y}.dat\n",
                        List.of("b.cfg", "x.dat", "y.dat"),
                        List.of("a.cfg", "{x,y}.dat")),
                new Case(
                        "comments, blank lines and spaces around a pattern",
                        "# notes.txt\n\n   README.md   \n#secret.txt\n",
                        List.of("notes.txt", "secret.txt"),
                        List.of("README.md")),
                new Case(
                        "hidden files and directories everywhere",
                        ".*\n",
                        List.of("templates/service.yaml", "templates/sub/nested.yaml"),
                        List.of(".hidden", ".config/settings", ".helmignore", "templates/sub/.dot.yaml")),
                new Case(
                        "nested paths",
                        "docs/*.md\ntemplates/sub/\n",
                        List.of("README.md", "templates/service.yaml"),
                        List.of("docs/guide.md", "templates/sub/nested.yaml", "templates/sub/.dot.yaml")),
                new Case(
                        "a leading ! keeps only what matches it, directories included",
                        "!*.yaml\n",
                        List.of("Chart.yaml", "values.yaml"),
                        List.of("templates/service.yaml", "README.md", ".helmignore", "files/a.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void thePackageHoldsWhatHelmPackages(Case c, @TempDir Path dir) throws Exception {
        Path chart = chart(dir.resolve("corpus"), c.helmignore());
        List<String> helms = names(helmPackage(chart, dir.resolve("helm")), "corpus/");
        List<String> ours =
                names(ChartPackager.pack(chart, dir.resolve("ours"), TIMESTAMP, TestHelm.PACKAGING), "corpus/");
        assertThat(helms).as("what helm package holds").containsAll(c.kept()).doesNotContainAnyElementsOf(c.left());
        assertThat(ours).isEqualTo(helms.stream().sorted().toList());
    }

    @Test
    void doubleStarIsRefusedAsHelmRefusesIt(@TempDir Path dir) throws Exception {
        Path chart = chart(dir.resolve("corpus"), "**/*.txt\n");
        assertThatThrownBy(() -> helmPackage(chart, dir.resolve("helm")))
                .hasMessageContaining("double-star (**) syntax is not supported");
        assertThatThrownBy(() -> ChartPackager.pack(chart, dir.resolve("ours"), TIMESTAMP, TestHelm.PACKAGING))
                .isInstanceOf(ChartRejectedException.class)
                .hasMessageContaining("double-star (**) syntax is not supported");
        assertThat(dir.resolve("ours/corpus-1.0.0.tgz")).doesNotExist();
    }

    /** gitignore's habit of re-including a file: Helm stops at the first rule that matches. */
    @Test
    void aNegationAfterAMatchLeavesOutEverythingElseAndHelmRefusesTheChart(@TempDir Path dir) throws Exception {
        Path chart = chart(dir.resolve("corpus"), "*.md\n!README.md\n");
        assertThatThrownBy(() -> helmPackage(chart, dir.resolve("helm"))).hasMessageContaining("Chart.yaml");
        assertThatThrownBy(() -> ChartPackager.pack(chart, dir.resolve("ours"), TIMESTAMP, TestHelm.PACKAGING))
                .isInstanceOf(ChartRejectedException.class)
                .hasMessageContaining("Chart.yaml file is missing");
    }

    /** A dependency packaged into charts/ is unpacked into the archive, as Helm does. */
    @Test
    void aPackagedDependencyIsUnpackedAsHelmDoes(@TempDir Path dir) throws Exception {
        Path dependency = Files.createDirectories(dir.resolve("dep/templates"));
        Files.writeString(dependency.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: dep\nversion: 0.1.0\n");
        Files.writeString(dependency.resolve("cm.yaml"), "# dep\n");
        Path chart = chart(dir.resolve("corpus"), null);
        Files.writeString(
                chart.resolve("Chart.yaml"),
                "apiVersion: v2\nname: corpus\nversion: 1.0.0\ndependencies:\n  - name: dep\n    version: 0.1.0\n");
        Files.createDirectories(chart.resolve("charts"));
        new Helm(dependency.getParent())
                .packageIt()
                .withDestination(chart.resolve("charts"))
                .call();
        assertThat(chart.resolve("charts/dep-0.1.0.tgz")).isRegularFile();

        List<String> helms = names(helmPackage(chart, dir.resolve("helm")), "corpus/");
        Path archive = ChartPackager.pack(chart, dir.resolve("ours"), TIMESTAMP, TestHelm.PACKAGING);
        List<String> ours = names(archive, "corpus/");
        assertThat(ours)
                .isEqualTo(helms.stream().sorted().toList())
                .contains("charts/dep/Chart.yaml", "charts/dep/templates/cm.yaml")
                .doesNotContain("charts/dep-0.1.0.tgz");
        LintReport lint = TestHelm.RUNNER.lint(archive, true);
        assertThat(lint.failed()).as(lint.messages().toString()).isFalse();
    }

    private static Path chart(Path chart, String helmignore) throws Exception {
        Files.createDirectories(chart);
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: corpus\nversion: 1.0.0\n");
        for (String file : FILES) {
            Path path = chart.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "# " + file + "\n", StandardCharsets.UTF_8);
        }
        if (helmignore != null) {
            Files.writeString(chart.resolve(".helmignore"), helmignore, StandardCharsets.UTF_8);
        }
        return chart;
    }

    /** {@code helm package} with helm-java in this JVM. */
    private static Path helmPackage(Path chart, Path destination) throws Exception {
        Files.createDirectories(destination);
        new Helm(chart).packageIt().withDestination(destination).call();
        try (Stream<Path> files = Files.list(destination)) {
            return files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }
    }

    private static List<String> names(Path archive, String prefix) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                assertThat(entry.getName()).startsWith(prefix);
                names.add(entry.getName().substring(prefix.length()));
            }
        }
        return names;
    }
}
