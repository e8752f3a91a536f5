package io.statefulset;

import static org.assertj.core.api.Assertions.assertThat;

import io.statefulset.chart.SampleConfigs;
import io.statefulset.chart.ValuesTree;
import io.statefulset.chart.model.ValuesModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Docs move with code: the README must mention every parameter and every value of the chart. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");

    @Test
    void everyGoalParameterIsInTheParametersTable() throws Exception {
        String readme = Files.readString(README);
        NodeList parameters = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile())
                .getElementsByTagName("parameter");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            String name = parameter.getElementsByTagName("name").item(0).getTextContent();
            boolean editable = !"false"
                    .equals(parameter.getElementsByTagName("editable").item(0).getTextContent());
            if (editable
                    && !readme.contains("`<" + name + ">`")
                    && !name.equals("detail")
                    && !name.equals("goal")
                    && !name.equals("indentSize")
                    && !name.equals("lineLength")) {
                missing.add(name);
            }
        }
        assertThat(missing).as("parameters missing from README.md").isEmpty();
    }

    @Test
    void everyValueKeyIsInTheValuesTable() throws Exception {
        List<String> rows = Files.readAllLines(README).stream()
                .filter(l -> l.startsWith("| `"))
                .toList();
        ValuesTree.Section values = ValuesModel.build(SampleConfigs.resolve(SampleConfigs.visitCounter()));
        List<String> missing = new ArrayList<>();
        for (String path : leafPaths(values, "")) {
            String[] parts = path.split("\\.");
            String top = parts[0];
            String last = parts[parts.length - 1];
            boolean documented = rows.stream()
                    .anyMatch(r -> (r.contains("`" + top + ".") || r.contains("`" + top + "`")) && r.contains(last));
            if (!documented) {
                missing.add(path);
            }
        }
        assertThat(missing).as("values missing from README.md").isEmpty();
    }

    private static List<String> leafPaths(ValuesTree.Section section, String prefix) {
        List<String> paths = new ArrayList<>();
        for (ValuesTree.Entry entry : section.entries()) {
            String key = section.entrySchema() != null ? "<name>" : entry.key();
            if (entry instanceof ValuesTree.Section child) {
                paths.addAll(leafPaths(child, prefix + key + "."));
            } else {
                paths.add(prefix + key);
            }
        }
        return paths;
    }
}
