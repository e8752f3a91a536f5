package io.statefulset.chart;

import io.statefulset.chart.ConfigProblem.Severity;
import io.statefulset.chart.GoalParameter.Keys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the plugin's {@code <configuration>} as written, for the mistakes Maven's binding hides:
 * a parameter given twice (Maven reads the first), and a key given twice in a map or properties
 * parameter (the last one wins). Each is reported as an error naming the element.
 */
public final class ConfigurationCheck {

    private final Map<String, GoalParameter> parameters = new HashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigurationCheck(Collection<GoalParameter> goalParameters) {
        for (GoalParameter p : goalParameters) {
            parameters.putIfAbsent(p.name(), p);
            if (p.alias() != null && !p.alias().isEmpty()) {
                parameters.putIfAbsent(p.alias(), p);
            }
        }
    }

    /**
     * The problems of one {@code <configuration>} element (the plugin's, or one execution's), in
     * document order; {@code parameters} are those of every goal of the plugin.
     */
    public static List<ConfigProblem> check(ConfigElement configuration, Collection<GoalParameter> parameters) {
        ConfigurationCheck check = new ConfigurationCheck(parameters);
        check.configuration(configuration);
        return List.copyOf(check.problems);
    }

    private void configuration(ConfigElement configuration) {
        for (Map.Entry<String, List<ConfigElement>> element :
                byName(configuration.children()).entrySet()) {
            String name = element.getKey();
            GoalParameter parameter = parameters.get(name);
            if (parameter == null) {
                continue;
            }
            if (element.getValue().size() > 1) {
                given("<" + name + ">", element.getValue());
            }
            if (parameter.keys() != Keys.NONE) {
                for (ConfigElement map : element.getValue()) {
                    keys(name, map, parameter.keys());
                }
            }
        }
    }

    /** Entries of a map or properties parameter, each key once. */
    private void keys(String parameter, ConfigElement map, Keys keys) {
        Map<String, List<ConfigElement>> entries = new LinkedHashMap<>();
        for (ConfigElement entry : map.children()) {
            if (keys == Keys.PROPERTIES
                    && entry.name().equals("property")
                    && !entry.children().isEmpty()) {
                String key = childValue(entry, "name");
                if (key != null) {
                    entries.computeIfAbsent("<property name=\"" + key + "\">", k -> new ArrayList<>())
                            .add(ConfigElement.leaf("value", childValue(entry, "value")));
                }
            } else {
                entries.computeIfAbsent("<" + entry.name() + ">", k -> new ArrayList<>())
                        .add(entry);
            }
        }
        entries.forEach((key, given) -> {
            if (given.size() > 1) {
                given("<" + parameter + ">" + key, given);
            }
        });
    }

    /** One element given several times: Maven keeps one of them without a word. */
    private void given(String element, List<ConfigElement> given) {
        String times = given.size() == 2 ? "twice" : given.size() + " times";
        boolean leaves = given.stream().allMatch(e -> e.children().isEmpty());
        String values = "";
        if (leaves) {
            List<String> quoted = given.stream()
                    .map(e -> "'" + (e.value() == null ? "" : e.value()) + "'")
                    .toList();
            values = " (" + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and "
                    + quoted.get(quoted.size() - 1) + ")";
        }
        error(element, "is given " + times + values + "; keep one");
    }

    private static Map<String, List<ConfigElement>> byName(List<ConfigElement> elements) {
        Map<String, List<ConfigElement>> byName = new LinkedHashMap<>();
        for (ConfigElement e : elements) {
            byName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
        }
        return byName;
    }

    private static String childValue(ConfigElement element, String name) {
        return element.children().stream()
                .filter(c -> c.name().equals(name))
                .map(ConfigElement::value)
                .findFirst()
                .orElse(null);
    }

    private void error(String element, String message) {
        problems.add(new ConfigProblem(Severity.ERROR, element, null, message));
    }
}
