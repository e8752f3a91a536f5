package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.runner.KubeletEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * What the container's process sees: the chart rendered by real Helm, then the kubelet's {@code
 * $(NAME)} expansion ({@link KubeletEnv}) applied to the rendered env. Literal values must arrive as
 * written; only {@code expandedEnv} values are expanded.
 */
class EnvExpansionHelmTest {
    static final Map<String, String> LITERAL = new LinkedHashMap<>();
    static final Map<String, String> EXPANDED = new LinkedHashMap<>();
    /** The Service variable every pod gets, which a literal $(…) would otherwise reach. */
    static final Map<String, String> SERVICES = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");

    static {
        LITERAL.put("DATA_DIR", "/app/data");
        LITERAL.put("REFERENCE", "$(DATA_DIR)/visits");
        LITERAL.put("SERVICE", "$(KUBERNETES_SERVICE_HOST)");
        LITERAL.put("PASSWORD", "pa$$word");
        LITERAL.put("ESCAPED", "$$(DATA_DIR)");
        LITERAL.put("MIXED", "$$$(DATA_DIR)$ and $HOME ${HOME} $(");
        LITERAL.put("UNDEFINED", "$(NOPE)");
        LITERAL.put("SHELL", "$HOME and ${HOME} cost 5$");
        EXPANDED.put("DATA_URL", "file://$(DATA_DIR)/visits");
        EXPANDED.put("DOLLAR", "$$(DATA_DIR) costs $$5");
        EXPANDED.put("USER", "user=$(WHOAMI)@$(KUBERNETES_SERVICE_HOST)");
        EXPANDED.put("A_FIRST", "$(Z_LAST)");
        EXPANDED.put("Z_LAST", "$(A_FIRST)-z");
    }

    @TempDir
    static Path dir;

    static Path chart;

    @BeforeAll
    static void generate() throws Exception {
        chart = RenderedChart.generate(SampleConfigs.visitCounter().env(LITERAL).expandedEnv(EXPANDED), dir);
    }

    /** The container's environment after the kubelet, with WHOAMI read from its Secret. */
    static Map<String, String> processEnvironment(Map<String, String> set) throws Exception {
        StatefulSet sts =
                RenderedChart.render(chart, "demo", set).all(StatefulSet.class).get(0);
        Container app = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        return KubeletEnv.environment(app.getEnv(), (EnvVar var) -> "lab-student", SERVICES);
    }

    @Test
    void literalValuesReachTheProcessAsWritten() throws Exception {
        Map<String, String> env = processEnvironment(Map.of());
        LITERAL.forEach((name, value) -> assertThat(env).as(name).containsEntry(name, value));
    }

    @Test
    void expandedValuesReferToTheVariablesBeforeThem() throws Exception {
        Map<String, String> env = processEnvironment(Map.of());
        assertThat(env)
                .containsEntry("DATA_URL", "file:///app/data/visits")
                .containsEntry("DOLLAR", "$(DATA_DIR) costs $5")
                .containsEntry("USER", "user=lab-student@10.96.0.1")
                // Sorted by name: Z_LAST comes after A_FIRST, so A_FIRST cannot see it.
                .containsEntry("A_FIRST", "$(Z_LAST)")
                .containsEntry("Z_LAST", "$(Z_LAST)-z");
    }

    @Test
    void onlyValuesKubernetesWouldExpandAreEscapedAndValuesYamlKeepsThemAsWritten() throws Exception {
        StatefulSet sts = RenderedChart.render(chart, "demo", Map.of())
                .all(StatefulSet.class)
                .get(0);
        Map<String, String> rendered = new LinkedHashMap<>();
        sts.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> rendered.put(e.getName(), e.getValue()));
        assertThat(rendered)
                .containsEntry("PASSWORD", "pa$$$$word")
                .containsEntry("REFERENCE", "$$(DATA_DIR)/visits")
                .containsEntry("SHELL", "$HOME and ${HOME} cost 5$")
                .containsEntry("DATA_URL", "file://$(DATA_DIR)/visits");
        Map<String, Map<String, String>> values = new Yaml().load(Files.readString(chart.resolve("values.yaml")));
        assertThat(values.get("env")).containsEntry("PASSWORD", "pa$$word");
        assertThat(values.get("expandedEnv")).containsEntry("DATA_URL", "file://$(DATA_DIR)/visits");
    }

    @Test
    void valuesSetAtInstallTimeFollowTheSameRules() throws Exception {
        Map<String, String> env =
                processEnvironment(Map.of("env.FROM_SET", "$(DATA_DIR)", "expandedEnv.EXPANDED_SET", "$(DATA_DIR)"));
        assertThat(env).containsEntry("FROM_SET", "$(DATA_DIR)").containsEntry("EXPANDED_SET", "/app/data");
    }

    @Test
    void aVariableInTwoGroupsIsRefusedAtInstallTime() {
        assertThatThrownBy(() -> RenderedChart.render(chart, "demo", Map.of("expandedEnv.DATA_DIR", "x")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining(
                        "expandedEnv.DATA_DIR is also set in env or secretEnv; a variable can have one source");
        assertThatThrownBy(() -> RenderedChart.render(
                        chart, "demo", Map.of("secretEnv.DATA_DIR.secretName", "s", "secretEnv.DATA_DIR.key", "k")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("secretEnv.DATA_DIR is also set in env; a variable can have one source");
    }
}
