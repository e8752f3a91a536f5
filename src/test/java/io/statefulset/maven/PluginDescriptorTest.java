package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The generated META-INF/maven/plugin.xml is what Maven sees: goals, phases, properties, docs. */
class PluginDescriptorTest {
    static Document descriptor;

    @BeforeAll
    static void read() throws Exception {
        descriptor = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile());
    }

    @Test
    void pluginHasPrefixAndGoals() {
        assertThat(text(descriptor.getDocumentElement(), "goalPrefix")).isEqualTo("statefulset");
        assertThat(mojos()).containsKeys("generate", "validate", "package", "template", "push", "help");
    }

    @Test
    void generateIsBoundToGenerateResourcesAndThreadSafe() {
        Element generate = mojos().get("generate");
        assertThat(text(generate, "phase")).isEqualTo("generate-resources");
        assertThat(text(generate, "threadSafe")).isEqualTo("true");
        assertThat(text(generate, "requiresProject")).isEqualTo("true");
    }

    @Test
    void everyGoalIsThreadSafeAndBoundWhereTheLifecycleNeedsIt() {
        Map<String, String> phases = Map.of(
                "generate",
                "generate-resources",
                "validate",
                "process-resources",
                "package",
                "package",
                "push",
                "deploy");
        phases.forEach((goal, phase) ->
                assertThat(text(mojos().get(goal), "phase")).as(goal).isEqualTo(phase));
        for (String goal : List.of("generate", "validate", "package", "template", "push")) {
            assertThat(text(mojos().get(goal), "threadSafe")).as(goal).isEqualTo("true");
        }
        assertThat(text(mojos().get("validate"), "requiresProject")).isEqualTo("false");
        // template forks statefulset:generate alone, not the lifecycle: Maven 4 would run up to
        // process-resources (statefulset:validate included) for a fork to generate-resources.
        assertThat(text(mojos().get("template"), "executeGoal")).isEqualTo("generate");
        assertThat(mojos().get("template").getElementsByTagName("executePhase").getLength())
                .isZero();
    }

    @Test
    void everyGoalHasItsSkipProperty() {
        for (String goal : List.of("generate", "validate", "package", "template", "push")) {
            Element configuration = (Element)
                    mojos().get(goal).getElementsByTagName("configuration").item(0);
            String name = "skip" + Character.toUpperCase(goal.charAt(0)) + goal.substring(1);
            assertThat(configValue(configuration, name)).as(goal).isEqualTo("${statefulset." + goal + ".skip}");
            assertThat(configValue(configuration, "skip")).as(goal).isEqualTo("${statefulset.skip}");
        }
    }

    @Test
    void generatePropertiesAndDefaults() {
        Element configuration = (Element)
                mojos().get("generate").getElementsByTagName("configuration").item(0);
        assertThat(configValue(configuration, "skip")).isEqualTo("${statefulset.skip}");
        assertThat(configDefault(configuration, "skip")).isEqualTo("false");
        assertThat(configValue(configuration, "skipGenerate")).isEqualTo("${statefulset.generate.skip}");
        assertThat(configValue(configuration, "outputDirectory")).isEqualTo("${statefulset.outputDirectory}");
        assertThat(configDefault(configuration, "outputDirectory")).isEqualTo("${project.build.directory}/helm");
        assertThat(configDefault(configuration, "templatesDirectory"))
                .isEqualTo("${project.basedir}/src/main/helm/templates");
    }

    @Test
    void everyUserParameterIsDocumentedWithSince() {
        NodeList parameters = descriptor.getElementsByTagName("parameter");
        assertThat(parameters.getLength()).isGreaterThan(50);
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if ("false".equals(text(parameter, "editable"))) {
                continue;
            }
            String name = text(parameter, "name");
            if (List.of("detail", "goal", "indentSize", "lineLength").contains(name)) {
                continue; // the generated help goal's own parameters
            }
            assertThat(text(parameter, "description")).as(name).isNotBlank();
            // Everything is new in 0.1.0, the first release.
            assertThat(text(parameter, "since")).as(name).isEqualTo("0.1.0");
        }
    }

    private static Map<String, Element> mojos() {
        Map<String, Element> mojos = new LinkedHashMap<>();
        NodeList list = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < list.getLength(); i++) {
            Element mojo = (Element) list.item(i);
            mojos.put(text(mojo, "goal"), mojo);
        }
        return mojos;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static String configValue(Element configuration, String name) {
        return ((Element) configuration.getElementsByTagName(name).item(0)).getTextContent();
    }

    private static String configDefault(Element configuration, String name) {
        return ((Element) configuration.getElementsByTagName(name).item(0)).getAttribute("default-value");
    }
}
