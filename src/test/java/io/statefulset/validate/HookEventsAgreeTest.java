package io.statefulset.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.RawConfig;
import io.statefulset.chart.SampleConfigs;
import io.statefulset.chart.vocabulary.HookEvent;
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
        RawConfig config = SampleConfigs.visitCounter()
                .hooks(RawConfig.hook("h").events(event).image("busybox:1.36").command("true"));
        boolean generateAccepts = SampleConfigs.problems(config).stream().noneMatch(ConfigProblem::isError);

        EditableStream stream = EditableStream.clean();
        stream.set("Job", "shop-web-migrate", "metadata.annotations[\"helm.sh/hook\"]", event);
        boolean validateAccepts =
                RulesTest.findings(stream).stream().noneMatch(f -> f.ruleId().equals("hook-unknown-event"));

        assertThat(generateAccepts).as("generate accepts " + event).isEqualTo(validateAccepts);
        assertThat(generateAccepts).as(event).isEqualTo(HookEvent.read(event).isPresent());
    }
}
