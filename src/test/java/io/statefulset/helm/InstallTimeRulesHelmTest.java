package io.statefulset.helm;

import static io.statefulset.chart.RawConfig.claim;
import static io.statefulset.chart.RawConfig.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.RawConfig.ProbesConfig;
import io.statefulset.chart.RawConfig.SecurityConfig;
import io.statefulset.chart.RawConfig.ServiceConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.chart.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules that hold both when the build resolves the POM and when {@code helm install} renders
 * the chart with other values (the chart's {@code statefulset.validateValues} template). One table:
 * each row breaks a rule once in the configuration and once with {@code --set}, and both must
 * refuse it with the same meaning, named by the phrases the row lists.
 */
class InstallTimeRulesHelmTest {
    static final Path HELPERS = Path.of("src/main/resources/io/statefulset/chart/bundled/templates/_helpers.tpl");
    static final Path CONFIG_FILES = Path.of("src/test/resources/config-files").toAbsolutePath();

    @TempDir
    static Path dir;

    static Path chart;

    @BeforeAll
    static void generate() throws Exception {
        chart = RenderedChart.generate(SampleConfigs.visitCounter(), dir);
    }

    /**
     * A rule broken at build time by {@code configure} (on the sample), reported at {@code element},
     * and at install time by {@code set} (on the sample's chart); both messages hold every phrase of
     * {@code meaning}.
     */
    record Row(
            String rule, Consumer<RawConfig> configure, String element, Map<String, String> set, List<String> meaning) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>(List.of(
                new Row(
                        "partition above replicas",
                        c -> c.updateStrategy(
                                RawConfig.updateType("RollingUpdate").partition(3)),
                        "<updateStrategy><partition>",
                        Map.of("updateStrategy.rollingUpdate.partition", "3"),
                        List.of("3", "above", "(2)")),
                new Row(
                        "service target port",
                        c -> c.service(
                                new ServiceConfig().type("NodePort").port(8080).targetPort("admin")),
                        "<service><targetPort>",
                        Map.of("service.targetPort", "admin"),
                        List.of("admin", "names no", "http")),
                new Row(
                        "probe port",
                        c -> c.probes(
                                new ProbesConfig().readiness(probe("/readyz").port("web"))),
                        "<probes><readiness><port>",
                        Map.of("probes.readiness.port", "web"),
                        List.of("web", "names no", "http")),
                new Row(
                        "connection test without anything to connect to",
                        c -> c.ports(List.of())
                                .service(new ServiceConfig().enabled(false))
                                .probes(null)
                                .connectionTest(true),
                        "<connectionTest>",
                        Map.of("service.enabled", "false", "ports", "null", "tests.connection.enabled", "true"),
                        List.of("to connect to")),
                new Row(
                        "claim named like the /tmp volume",
                        c -> c.volumeClaimTemplates(
                                claim("tmp").mountPath("/scratch").size("1Mi")),
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"tmp\"><name>",
                        Map.of(
                                "persistence.claims.tmp.mountPath", "/scratch",
                                "persistence.claims.tmp.size", "1Mi",
                                "persistence.claims.tmp.accessModes[0]", "ReadWriteOnce"),
                        List.of("tmp", "the chart adds")),
                new Row(
                        "canary of every pod",
                        c -> c.updateStrategy(null).strategy("canary").canaryReplicas(2),
                        "<canaryReplicas>",
                        Map.of("strategy", "canary", "canary.replicas", "2"),
                        List.of("(2)", "less than")),
                new Row(
                        "ramped with OnDelete",
                        c -> c.strategy("ramped").updateStrategy(RawConfig.updateType("OnDelete")),
                        "<updateStrategy><type>",
                        Map.of("strategy", "ramped", "updateStrategy.type", "OnDelete"),
                        List.of("ramped", "rolls pods with RollingUpdate")),
                new Row(
                        "secretEnv variable also in env",
                        c -> c.env(Map.of("WHOAMI", "x")),
                        "<secretEnv><variable name=\"WHOAMI\"><name>",
                        Map.of("env.WHOAMI", "x"),
                        List.of("WHOAMI", "a variable can have one source")),
                new Row(
                        "expandedEnv variable also in env",
                        c -> c.expandedEnv(Map.of("DATA_DIR", "$(HOME)/data")),
                        "<expandedEnv><DATA_DIR>",
                        Map.of("expandedEnv.DATA_DIR", "x"),
                        List.of("DATA_DIR", "a variable can have one source")),
                new Row(
                        "root next to runAsNonRoot",
                        c -> c.securityContext(new SecurityConfig().runAsUser(0L)),
                        "<securityContext><runAsUser>",
                        Map.of("podSecurityContext.runAsUser", "0"),
                        List.of("runAsUser", "root", "the kubelet never starts", "10001")),
                new Row(
                        "two claims at one mount path",
                        c -> c.volumeClaimTemplates(
                                claim("data").mountPath("/app/data").size("1Mi"),
                                claim("logs").mountPath("/app/data").size("1Mi")),
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"logs\"><mountPath>",
                        Map.of(
                                "persistence.claims.logs.mountPath", "/app/data",
                                "persistence.claims.logs.size", "1Mi",
                                "persistence.claims.logs.accessModes[0]", "ReadWriteOnce"),
                        List.of("/app/data", "used by")),
                new Row(
                        "sidecar named like the application container",
                        c -> c.sidecars(RawConfig.container("visit-counter", "registry.example/shipper:3.1.0")),
                        "<sidecars><sidecar name=\"visit-counter\"><name>",
                        Map.of(
                                "sidecars[0].name",
                                "visit-counter",
                                "sidecars[0].image",
                                "registry.example/shipper:3.1.0"),
                        List.of("visit-counter", "another container of the pod", "give every container its own name")),
                new Row(
                        "sidecar port named like an application port",
                        c -> c.sidecars(RawConfig.container("shipper", "registry.example/shipper:3.1.0")
                                .ports(RawConfig.sidecarPort("http", 2020))),
                        "<sidecars><sidecar name=\"shipper\"><ports><port name=\"http\"><name>",
                        Map.of(
                                "sidecars[0].name", "shipper",
                                "sidecars[0].image", "registry.example/shipper:3.1.0",
                                "sidecars[0].ports[0].name", "http",
                                "sidecars[0].ports[0].containerPort", "2020"),
                        List.of("http", "is already a port of the pod")),
                new Row(
                        "claim named like the config files volume",
                        c -> c.volumeClaimTemplates(
                                claim("config-files").mountPath("/scratch").size("1Mi")),
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"config-files\"><name>",
                        Map.of(
                                "configFiles.enabled", "true",
                                "configFiles.mountPath", "/etc/app",
                                "persistence.claims.config-files.mountPath", "/scratch",
                                "persistence.claims.config-files.size", "1Mi",
                                "persistence.claims.config-files.accessModes[0]", "ReadWriteOnce"),
                        List.of("config-files", "the chart adds")),
                new Row(
                        "config files without an absolute mount path",
                        c -> c.configFiles(CONFIG_FILES, null),
                        "<configFiles><mountPath>",
                        Map.of("configFiles.enabled", "true"),
                        List.of("mountPath", "absolute path", "e.g. /etc/app")),
                new Row(
                        "config files at a claim's mount path",
                        c -> c.configFiles(CONFIG_FILES, "/app/data"),
                        "<configFiles><mountPath>",
                        Map.of("configFiles.enabled", "true", "configFiles.mountPath", "/app/data"),
                        List.of("/app/data", "is already used by another volume")),
                new Row(
                        "metrics on a port nothing declares",
                        c -> c.metrics("prom", null, true),
                        "<metrics><port>",
                        Map.of("metrics.enabled", "true", "metrics.port", "prom"),
                        List.of("prom", "names no container port")),
                new Row(
                        "claim mounted at /tmp",
                        c -> c.volumeClaimTemplates(
                                claim("data").mountPath("/tmp").size("1Mi")),
                        "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath>",
                        Map.of("persistence.claims.data.mountPath", "/tmp"),
                        List.of("/tmp"))));
        for (String label : Workload.RESERVED_POD_LABELS) {
            rows.add(new Row(
                    "pod label " + label,
                    c -> c.podLabels(Map.of(label, "x")),
                    "<podLabels><property name=\"" + label + "\">",
                    Map.of("podLabels." + label.replace(".", "\\."), "x"),
                    List.of(label, "the chart sets")));
        }
        return rows;
    }

    static Stream<Row> rows() {
        return table().stream();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void theBuildRefusesIt(Row row) {
        RawConfig config = SampleConfigs.visitCounter();
        row.configure().accept(config);
        List<ConfigProblem> errors = SampleConfigs.problems(config).stream()
                .filter(ConfigProblem::isError)
                .filter(p -> p.element().equals(row.element()))
                .toList();
        assertThat(errors).as("errors at " + row.element()).isNotEmpty();
        assertThat(errors.stream().map(ConfigProblem::toString))
                .anySatisfy(message -> assertThat(message).contains(row.meaning()));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void helmInstallRefusesIt(Row row) {
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", row.set()))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("Invalid values")
                .satisfies(e -> assertThat(e.getMessage()).contains(row.meaning()));
    }

    @Test
    void theSampleIsAcceptedByBoth() throws Exception {
        assertThat(SampleConfigs.problems(SampleConfigs.visitCounter())).noneMatch(ConfigProblem::isError);
        assertThat(RenderedChart.render(chart, "demo", Map.of()).names()).isNotEmpty();
    }

    /** A check added to the template without a row here would go untested on one side. */
    @Test
    void everyCheckOfTheValidationTemplateHasARow() throws Exception {
        String helpers = Files.readString(HELPERS);
        Matcher appends = Pattern.compile("append \\$messages \\(?(?:printf )?\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(helpers);
        List<String> messages = new ArrayList<>();
        while (appends.find()) {
            messages.add(appends.group(1));
        }
        assertThat(messages).hasSizeGreaterThanOrEqualTo(12);
        List<String> rendered = new ArrayList<>();
        for (Row row : table()) {
            try {
                RenderedChart.render(chart, "demo", row.set());
            } catch (HelmException e) {
                rendered.add(e.getMessage());
            }
        }
        for (String message : messages) {
            String fixed = longestLiteral(message);
            assertThat(rendered)
                    .as("a row whose install refusal reads: " + message)
                    .anyMatch(r -> r.contains(fixed));
        }
    }

    /** The reserved pod labels are written twice, in Java and in the template: they must agree. */
    @Test
    void theTemplateReservesThePodLabelsTheBuildReserves() throws Exception {
        Matcher list =
                Pattern.compile("range \\$key := list ((?:\"[^\"]+\" ?)+)").matcher(Files.readString(HELPERS));
        assertThat(list.find()).isTrue();
        List<String> labels = Pattern.compile("\"([^\"]+)\"")
                .matcher(list.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(labels).isEqualTo(Workload.RESERVED_POD_LABELS);
    }

    /** The longest piece of a printf format between its verbs, which every message it prints contains. */
    private static String longestLiteral(String format) {
        String longest = "";
        for (String piece : format.split("%[dsq]")) {
            if (piece.length() > longest.length()) {
                longest = piece;
            }
        }
        return longest;
    }
}
