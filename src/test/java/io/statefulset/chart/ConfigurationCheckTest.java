package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.GoalParameter.Keys;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationCheckTest {
    static final List<GoalParameter> PARAMETERS = List.of(
            new GoalParameter("generate", "replicas", null, true, Keys.NONE),
            new GoalParameter("generate", "ports", null, true, Keys.NONE),
            new GoalParameter("generate", "env", null, true, Keys.MAP),
            new GoalParameter("generate", "podAnnotations", null, true, Keys.PROPERTIES),
            new GoalParameter("generate", "project", null, false, Keys.NONE),
            new GoalParameter("validate", "failOn", "failLevel", true, Keys.NONE),
            new GoalParameter("help", "goal", null, true, Keys.NONE));

    static ConfigElement configuration(ConfigElement... children) {
        return new ConfigElement("configuration", null, List.of(children));
    }

    static ConfigElement element(String name, ConfigElement... children) {
        return new ConfigElement(name, null, List.of(children));
    }

    static ConfigElement leaf(String name, String value) {
        return ConfigElement.leaf(name, value);
    }

    static ConfigElement property(String name, String value) {
        return element("property", leaf("name", name), leaf("value", value));
    }

    static List<String> problems(ConfigElement configuration) {
        return ConfigurationCheck.check(configuration, PARAMETERS).stream()
                .map(ConfigProblem::toString)
                .toList();
    }

    @Test
    void aMapKeyGivenTwiceIsNamedWithBothValues() {
        assertThat(problems(configuration(element(
                        "env", leaf("DATA_DIR", "a"), leaf("MODE", "x"), leaf("DATA_DIR", "b"), leaf("MODE", null)))))
                .containsExactly(
                        "<env><DATA_DIR>: is given twice ('a' and 'b'); keep one",
                        "<env><MODE>: is given twice ('x' and ''); keep one");
        assertThat(problems(configuration(element("env", leaf("A", "1"), leaf("A", "2"), leaf("A", "3")))))
                .containsExactly("<env><A>: is given 3 times ('1', '2' and '3'); keep one");
    }

    @Test
    void aPropertyGivenTwiceIsNamedInEitherSpelling() {
        assertThat(problems(configuration(element(
                        "podAnnotations",
                        property("vault.hashicorp.com/role", "reader"),
                        property("other", "x"),
                        property("vault.hashicorp.com/role", "writer")))))
                .containsExactly(
                        "<podAnnotations><property name=\"vault.hashicorp.com/role\">: is given twice ('reader' and 'writer'); keep one");
        assertThat(problems(configuration(element("podAnnotations", leaf("a", "1"), leaf("a", "2")))))
                .containsExactly("<podAnnotations><a>: is given twice ('1' and '2'); keep one");
    }

    @Test
    void aParameterGivenTwiceIsNamedMavenReadsOnlyTheFirst() {
        assertThat(problems(configuration(leaf("replicas", "2"), leaf("replicas", "3"))))
                .containsExactly("<replicas>: is given twice ('2' and '3'); keep one");
        assertThat(problems(configuration(element("ports", leaf("port", "a")), element("ports", leaf("port", "b")))))
                .containsExactly("<ports>: is given twice; keep one");
    }
}
