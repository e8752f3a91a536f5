package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values from the POM are data: whatever a string looks like to YAML or to Go templates, it must
 * reach the cluster as exactly that string.
 */
class ValueFidelityHelmTest {

    static final Map<String, String> TRICKY = new LinkedHashMap<>();

    static {
        TRICKY.put("TEMPLATE", "{{ .Release.Name }}");
        TRICKY.put("YES", "yes");
        TRICKY.put("OCTAL", "0123");
        TRICKY.put("COLON", "a: b");
        TRICKY.put("MULTILINE", "first line\nsecond line\n  indented: third");
        TRICKY.put("UNICODE", "Zählerstand – 計数 ✓");
        TRICKY.put("QUOTES", "it's \"quoted\" \\ backslash");
        TRICKY.put("NULL", "null");
        TRICKY.put("NUMBER", "1e3");
        TRICKY.put("EMPTY", "");
        TRICKY.put("HASH", "# not a comment");
        TRICKY.put("DASH", "- not a list");
        TRICKY.put("PERCENT", "%{x}");
        TRICKY.put("TILDE", "~");
        // YAML 1.1 as Helm's parser (go-yaml v2) reads it: booleans and numbers SnakeYAML alone would not quote.
        TRICKY.put("Y_LOWER", "y");
        TRICKY.put("N_UPPER", "N");
        TRICKY.put("OCTAL_O", "0o17");
        TRICKY.put("HEX", "0x1F");
        TRICKY.put("UNDERSCORE", "1_000");
        TRICKY.put("FLOAT", "1.50");
        TRICKY.put("INF", ".inf");
        TRICKY.put("OFF", "Off");
    }

    @Test
    void environmentValuesAndAnnotationsArriveVerbatim(@TempDir Path dir) throws Exception {
        RawConfig config = SampleConfigs.visitCounter().env(TRICKY).secretEnv(List.of());
        Map<String, String> annotations = new LinkedHashMap<>();
        TRICKY.forEach((k, v) -> annotations.put("example.org/" + k.toLowerCase(), v));
        config.podAnnotations(annotations);

        Path chart = RenderedChart.generate(config, dir);
        StatefulSet sts = RenderedChart.render(chart, "demo", Map.of())
                .all(StatefulSet.class)
                .get(0);

        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var :
                sts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            env.put(var.getName(), var.getValue());
        }
        assertThat(env).containsExactlyInAnyOrderEntriesOf(TRICKY);
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsExactlyInAnyOrderEntriesOf(annotations);
    }
}
