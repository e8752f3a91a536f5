package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.GoalParameter.Keys;
import io.statefulset.chart.model.ValuesModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ConfigurationCheckTest {
    static final List<GoalParameter> PARAMETERS = List.of(
            new GoalParameter("generate", "replicas", null, true, Keys.NONE),
            new GoalParameter("generate", "ports", null, true, Keys.NONE),
            new GoalParameter("generate", "env", null, true, Keys.MAP),
            new GoalParameter("generate", "podAnnotations", null, true, Keys.PROPERTIES),
            new GoalParameter("generate", "initContainers", null, true, Keys.NONE),
            new GoalParameter("generate", "sidecars", null, true, Keys.NONE),
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
    void parametersOfEveryGoalTheirAliasesAndReadOnlyOnesAreKnown() {
        assertThat(problems(configuration(
                        leaf("replicas", "2"),
                        leaf("failOn", "warning"),
                        leaf("failLevel", "warning"),
                        leaf("project", "x"),
                        element("env", leaf("A", "1"), leaf("B", "2")))))
                .isEmpty();
    }

    @Test
    void aValuesKeyOfTheChartPointsAtItsParameter() {
        assertThat(problems(configuration(leaf("replicas", "2"), leaf("replicaCount", "3"))))
                .containsExactly(
                        "<replicaCount>: no such parameter; did you mean <replicas>? replicaCount is the values key of the generated chart");
        assertThat(problems(configuration(leaf("canary", "x"))))
                .containsExactly(
                        "<canary>: no such parameter; did you mean <canaryReplicas> or <canaryService>? canary is the values key of the generated chart");
        assertThat(problems(configuration(leaf("tolerations", "x"))))
                .containsExactly(
                        "<tolerations>: no such parameter; tolerations is a value of the generated chart that no parameter sets:"
                                + " give it at install time, e.g. helm install -f values.yaml");
    }

    @Test
    void aTypoPointsAtTheClosestParameterButNeverAtTheHelpGoalsOrReadOnlyOnes() {
        assertThat(problems(configuration(leaf("replicaz", "3"))))
                .containsExactly("<replicaz>: no such parameter; did you mean <replicas>?");
        assertThat(problems(configuration(leaf("prots", "x"))))
                .containsExactly("<prots>: no such parameter; did you mean <ports>?");
        // <goals> misplaced into <configuration>: the help goal's <goal> is not what was meant.
        assertThat(problems(configuration(element("goals", leaf("goal", "generate")))))
                .containsExactly("<goals>: no such parameter; mvn statefulset:help -Ddetail lists every parameter");
        assertThat(problems(configuration(leaf("projects", "x"))))
                .containsExactly("<projects>: no such parameter; mvn statefulset:help -Ddetail lists every parameter");
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
    void aVariableGivenTwiceInTheEnvOfAnInitContainerOrSidecarIsNamed() {
        assertThat(problems(configuration(
                        element(
                                "initContainers",
                                element(
                                        "initContainer",
                                        leaf("name", "restore"),
                                        element("env", leaf("TARGET", "/a"), leaf("TARGET", "/b")))),
                        element(
                                "sidecars",
                                element("sidecar", element("env", leaf("A", "1"), leaf("B", "2"), leaf("A", "3"))),
                                element("sidecar", leaf("name", "ok"), element("env", leaf("A", "1")))))))
                .containsExactly(
                        "<initContainers><initContainer name=\"restore\"><env><TARGET>: is given twice ('/a' and '/b'); keep one",
                        "<sidecars><sidecar><env><A>: is given twice ('1' and '3'); keep one");
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

    @Test
    void everyTopLevelValuesKeyIsAParameterOrInATable() throws Exception {
        Set<String> parameters = new HashSet<>();
        NodeList names = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile())
                .getElementsByTagName("parameter");
        for (int i = 0; i < names.getLength(); i++) {
            parameters.add(((Element) names.item(i))
                    .getElementsByTagName("name")
                    .item(0)
                    .getTextContent());
        }
        List<String> keys = new ArrayList<>();
        ValuesModel.build(SampleConfigs.resolve(SampleConfigs.visitCounter()))
                .entries()
                .forEach(e -> keys.add(e.key()));
        for (String key : keys) {
            boolean parameter = parameters.contains(key);
            boolean renamed = ConfigurationCheck.VALUES_KEYS.containsKey(key);
            boolean installTime = ConfigurationCheck.INSTALL_TIME_KEYS.contains(key);
            assertThat((parameter ? 1 : 0) + (renamed ? 1 : 0) + (installTime ? 1 : 0))
                    .as(key + ": a parameter of that name, a renamed key or an install-time key, exactly one")
                    .isEqualTo(1);
        }
        assertThat(keys).containsAll(ConfigurationCheck.VALUES_KEYS.keySet());
        assertThat(keys).containsAll(ConfigurationCheck.INSTALL_TIME_KEYS);
        ConfigurationCheck.VALUES_KEYS.values().stream()
                .flatMap(List::stream)
                .forEach(element ->
                        assertThat(parameters).as(element).contains(element.substring(1, element.indexOf('>'))));
    }
}
