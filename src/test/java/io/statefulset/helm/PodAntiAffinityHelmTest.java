package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.validate.ChartValidator;
import io.statefulset.validate.Finding;
import io.statefulset.validate.ValidationConfig;
import io.statefulset.validate.ValidationReport;
import io.statefulset.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <podAntiAffinity>}: every chart keeps its replicas apart by default, with a term on the
 * pods' own selector labels; hard, none and an install-time {@code affinity} change that, and
 * validate's {@code sts-no-spread} notices when nothing spreads the replicas.
 */
class PodAntiAffinityHelmTest {
    static final String NAME = "demo-visit-counter";

    @TempDir
    static Path dir;

    static Path sample;

    @BeforeAll
    static void generate() throws Exception {
        sample = RenderedChart.generate(SampleConfigs.visitCounter(), dir.resolve("sample"));
    }

    static Affinity affinity(Path chart, Map<String, String> set) throws Exception {
        return RenderedChart.render(chart, "demo", set)
                .get(StatefulSet.class, NAME)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getAffinity();
    }

    static Map<String, String> selector(Path chart, String name) throws Exception {
        return RenderedChart.render(chart, "demo", Map.of())
                .get(StatefulSet.class, name)
                .getSpec()
                .getSelector()
                .getMatchLabels();
    }

    @Test
    void theSampleGetsTheSoftTermOnItsOwnSelectorByDefault() throws Exception {
        assertThat(SampleConfigs.resolve(SampleConfigs.visitCounter())
                        .scheduling()
                        .podAntiAffinity()
                        .value())
                .isEqualTo("soft");
        Affinity affinity = affinity(sample, Map.of());
        assertThat(affinity.getNodeAffinity()).isNull();
        assertThat(affinity.getPodAffinity()).isNull();
        assertThat(affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .isEmpty();
        WeightedPodAffinityTerm term = affinity.getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()
                .get(0);
        assertThat(affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .hasSize(1);
        assertThat(term.getWeight()).isEqualTo(100);
        assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
        assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                .isEqualTo(selector(sample, NAME))
                .containsOnlyKeys("app.kubernetes.io/name", "app.kubernetes.io/instance");
        assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchExpressions())
                .isEmpty();
    }

    @Test
    void hardRequiresOtherNodesAndNoneAddsNoTerm(@TempDir Path other) throws Exception {
        Path hard = RenderedChart.generate(SampleConfigs.visitCounter().podAntiAffinity("hard"), other);
        for (Affinity affinity :
                List.of(affinity(hard, Map.of()), affinity(sample, Map.of("podAntiAffinity.type", "hard")))) {
            assertThat(affinity.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                    .isEmpty();
            PodAffinityTerm term = affinity.getPodAntiAffinity()
                    .getRequiredDuringSchedulingIgnoredDuringExecution()
                    .get(0);
            assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(selector(sample, NAME));
        }
        assertThat(affinity(sample, Map.of("podAntiAffinity.type", "none"))).isNull();
    }

    @Test
    void topologyKeyAndWeightAreValues() throws Exception {
        Affinity affinity = affinity(
                sample,
                Map.of("podAntiAffinity.topologyKey", "topology.kubernetes.io/zone", "podAntiAffinity.weight", "40"));
        WeightedPodAffinityTerm term = affinity.getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()
                .get(0);
        assertThat(term.getWeight()).isEqualTo(40);
        assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
        assertThatThrownBy(() -> affinity(sample, Map.of("podAntiAffinity.type", "sometimes")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/podAntiAffinity/type");
        assertThatThrownBy(() -> affinity(sample, Map.of("podAntiAffinity.weight", "0")))
                .isInstanceOf(HelmException.class)
                .hasMessageContaining("/podAntiAffinity/weight");
    }

    @Test
    void anAffinityGivenAtInstallTimeReplacesThePreset() throws Exception {
        Affinity affinity = affinity(
                sample,
                Map.of(
                        "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                                + ".matchExpressions[0].key",
                        "disk",
                        "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                                + ".matchExpressions[0].operator",
                        "Exists"));
        assertThat(affinity.getPodAntiAffinity()).isNull();
        assertThat(affinity.getNodeAffinity()
                        .getRequiredDuringSchedulingIgnoredDuringExecution()
                        .getNodeSelectorTerms()
                        .get(0)
                        .getMatchExpressions()
                        .get(0)
                        .getKey())
                .isEqualTo("disk");
    }

    @Test
    void blueGreenSpreadsEachSlotOverItsOwnSelector(@TempDir Path other) throws Exception {
        Path chart = RenderedChart.generate(
                SampleConfigs.visitCounter().replicas(4).updateStrategy(null).strategy("blueGreen"), other);
        RenderedChart r = RenderedChart.render(chart, "demo", Map.of());
        for (String slot : List.of("blue", "green")) {
            StatefulSet sts = r.get(StatefulSet.class, NAME + "-" + slot);
            Map<String, String> terms = sts.getSpec()
                    .getTemplate()
                    .getSpec()
                    .getAffinity()
                    .getPodAntiAffinity()
                    .getPreferredDuringSchedulingIgnoredDuringExecution()
                    .get(0)
                    .getPodAffinityTerm()
                    .getLabelSelector()
                    .getMatchLabels();
            assertThat(terms)
                    .isEqualTo(sts.getSpec().getSelector().getMatchLabels())
                    .containsEntry("statefulset.io/slot", slot);
        }
    }

    @Test
    void aWrongPresetNamesTheElementAndTheChoices() {
        List<ConfigProblem> errors =
                SampleConfigs.problems(SampleConfigs.visitCounter().podAntiAffinity("sometimes")).stream()
                        .filter(ConfigProblem::isError)
                        .toList();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.element()).isEqualTo("<podAntiAffinity>");
            assertThat(e.value()).isEqualTo("sometimes");
            assertThat(e.toString()).contains("soft, hard, none");
        });
    }

    @Test
    void validateWarnsWhenNothingSpreadsTheReplicas(@TempDir Path other) throws Exception {
        ChartValidator validator = new ChartValidator(
                new HelmChartRenderer(RenderedChart.HELM, null), new Validator(ValidationConfig.defaults()));
        assertThat(validator.validateChart(sample, "demo", List.of(), null).findings())
                .isEmpty();
        Path none = Files.writeString(other.resolve("none.yaml"), "podAntiAffinity:\n  type: none\n");
        ValidationReport report = validator.validateChart(sample, "demo", List.of(none), null);
        assertThat(report.findings())
                .filteredOn(f -> f.ruleId().equals("sts-no-spread"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.variant()).contains("none.yaml");
                    assertThat(f.message()).contains("2 replicas");
                });
        // One replica has nothing to spread.
        Path single =
                Files.writeString(other.resolve("single.yaml"), "podAntiAffinity:\n  type: none\nreplicaCount: 1\n");
        assertThat(validator
                        .validateChart(sample, "demo", List.of(single), null)
                        .findings())
                .extracting(Finding::ruleId)
                .doesNotContain("sts-no-spread");
    }
}
