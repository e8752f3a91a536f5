package io.statefulset.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The re-implementation behaves as Kubernetes' expansion does on the cases its own tests pin down. */
class KubeletEnvTest {
    static final Function<String, String> MAPPING =
            KubeletEnv.mapping(Map.of("A", "a", "B", "b", "EMPTY", "", "REF", "$(A)"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "$(A)|a",
                "$(A)-$(B)|a-b",
                "x$(A)y|xay",
                "$$(A)|$(A)",
                "$$(A)_$(B)|$(A)_b",
                "f-$$A|f-$A",
                "$A|$A",
                "${A}|${A}",
                "$(UNDEFINED)|$(UNDEFINED)",
                "foo$(EMPTY)bar|foobar",
                "$(REF)|$(A)",
                "$(A$(B))|$(A$(B))",
                "$(A$(B)|$(A$(B)",
                "foo$(Awhoops!|foo$(Awhoops!",
                "$(A)_$(|a_$(",
                "end$|end$",
                "$?_x_$!|$?_x_$!",
                "--$($($(--|--$($($(--",
                "$(foo$$var)|$(foo$$var)",
                "$$$$$$(A)|$$$(A)",
                "$$$$$$$(A)|$$$a",
                "$$$$$$$(UNDEFINED)|$$$$(UNDEFINED)",
                "\\$(A)|\\a",
                "$€|$€",
            })
    void expandsAsKubernetesDoes(String input, String expected) {
        assertThat(KubeletEnv.expand(input, MAPPING)).isEqualTo(expected);
    }

    @Test
    void aVariableSeesOnlyTheVariablesBeforeIt() {
        List<EnvVar> env = List.of(
                new EnvVar("LATER_REF", "$(HOST):$(PORT)", null),
                new EnvVar("HOST", "db", null),
                new EnvVar("URL", "$(HOST):$(PORT)", null),
                new EnvVar("PORT", "5432", null),
                new EnvVarBuilder()
                        .withName("SECRET")
                        .withNewValueFrom()
                        .withNewSecretKeyRef("k", "s", false)
                        .endValueFrom()
                        .build(),
                new EnvVar("WITH_SECRET", "$(SECRET)-$(KUBERNETES_SERVICE_HOST)", null));
        Map<String, String> result =
                KubeletEnv.environment(env, var -> "$(HOST)", Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"));
        assertThat(result)
                .containsExactly(
                        Map.entry("LATER_REF", "$(HOST):$(PORT)"),
                        Map.entry("HOST", "db"),
                        Map.entry("URL", "db:$(PORT)"),
                        Map.entry("PORT", "5432"),
                        // A value from a Secret is not expanded itself.
                        Map.entry("SECRET", "$(HOST)"),
                        Map.entry("WITH_SECRET", "$(HOST)-10.0.0.1"));
    }
}
