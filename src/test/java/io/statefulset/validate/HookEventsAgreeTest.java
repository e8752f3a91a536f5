package io.statefulset.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.ChartDefaults;
import io.statefulset.chart.ChartSpec.HookSpec;
import io.statefulset.chart.ChartSpecValidator;
import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.SampleSpecs;
import io.statefulset.chart.SpecBuilder;
import io.statefulset.chart.vocabulary.HookEvent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** generate and validate take the same hook event names, since both read them from {@link HookEvent}. */
class HookEventsAgreeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pre-install",
                "post-install",
                "pre-delete",
                "post-delete",
                "pre-upgrade",
                "post-upgrade",
                "pre-rollback",
                "post-rollback",
                "test",
                "test-success",
                "test-failure",
                "pre-instal",
                "crd-install",
                "install"
            })
    void generateAcceptsAHookEventExactlyWhenValidateDoes(String event) throws Exception {
        SpecBuilder b = SpecBuilder.sample();
        b.hooks = List.of(
                new HookSpec("h", List.of(event), 0, null, "busybox:1.36", List.of("true"), null, null, null, null));
        boolean generateAccepts =
                ChartSpecValidator.validate(ChartDefaults.apply(b.build(), SampleSpecs.PROJECT)).stream()
                        .noneMatch(ConfigProblem::isError);

        EditableStream stream = EditableStream.clean();
        stream.set("Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook\"]", event);
        boolean validateAccepts =
                RulesTest.findings(stream).stream().noneMatch(f -> f.ruleId().equals("hook-unknown-event"));

        assertThat(generateAccepts).as("generate accepts " + event).isEqualTo(validateAccepts);
        assertThat(generateAccepts).as(event).isEqualTo(HookEvent.read(event).isPresent());
    }
}
