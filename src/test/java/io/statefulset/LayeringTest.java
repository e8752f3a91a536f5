package io.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The core (chart model, Helm adapter, validation, registry) must stay usable without Maven. */
class LayeringTest {

    @ParameterizedTest
    @ValueSource(strings = {"chart", "helm", "validate", "registry"})
    void corePackagesDoNotImportMaven(String pkg) throws Exception {
        Path dir = Path.of("src/main/java/io/statefulset", pkg);
        assertThat(dir).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sources =
                    files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).isNotEmpty();
            for (Path source : sources) {
                assertThat(Files.readString(source))
                        .as(source.toString())
                        .doesNotContain("org.apache.maven")
                        .doesNotContain("org.codehaus.plexus");
            }
        }
    }

    /** Small classes with one job: a core class that grows past this is doing two. */
    @ParameterizedTest
    @ValueSource(strings = {"chart", "helm", "validate", "registry"})
    void coreClassesStayUnderFourHundredLines(String pkg) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/statefulset", pkg))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readAllLines(source)).as(source.toString()).hasSizeLessThanOrEqualTo(400);
            }
        }
    }

    /** Validate reads the chart's vocabularies; the chart knows nothing of the layers built on it. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "io.statefulset.validate",
                "io.statefulset.helm",
                "io.statefulset.registry",
                "io.statefulset.maven"
            })
    void theChartPackagesImportNothingOfTheLayersAboveThem(String layer) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/statefulset/chart"))) {
            List<Path> sources =
                    files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).isNotEmpty();
            for (Path source : sources) {
                assertThat(Files.readString(source)).as(source.toString()).doesNotContain(layer + ".");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chart", "validate", "registry"})
    void onlyTheHelmPackageCallsHelmJava(String pkg) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/statefulset", pkg))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(source)).as(source.toString()).doesNotContain("com.marcnuri.helm");
            }
        }
    }

    /**
     * Inside the core, arrows point one way: validate and registry build on chart and know nothing
     * of Helm (which reaches them through interfaces such as ChartRenderer), nor of each other.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate:helm",
                "validate:registry",
                "validate:maven",
                "registry:helm",
                "registry:validate",
                "registry:maven",
                "helm:maven"
            })
    void theCoreLayersImportOnlyDownwards(String arrow) throws Exception {
        String from = arrow.substring(0, arrow.indexOf(':'));
        String to = "io.statefulset." + arrow.substring(arrow.indexOf(':') + 1) + ".";
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/statefulset", from))) {
            List<Path> sources =
                    files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).isNotEmpty();
            for (Path source : sources) {
                assertThat(Files.readString(source)).as(source.toString()).doesNotContain(to);
            }
        }
    }

    /** The goals other than generate only translate parameters; the work is the core's. */
    @ParameterizedTest
    @ValueSource(strings = {"ValidateMojo", "PackageMojo", "TemplateMojo", "PushMojo"})
    void theThinMojosStayAtOrUnderTwoHundredFiftyLines(String mojo) throws Exception {
        assertThat(Files.readAllLines(Path.of("src/main/java/io/statefulset/maven", mojo + ".java")))
                .hasSizeLessThanOrEqualTo(250);
    }
}
