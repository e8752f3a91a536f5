package io.statefulset.chart;

import io.statefulset.chart.ConfigProblem.Severity;
import io.statefulset.chart.GoalParameter.Keys;
import io.statefulset.chart.model.BlueGreen;
import io.statefulset.chart.model.Canary;
import io.statefulset.chart.model.Recreate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the plugin's {@code <configuration>} as written, for the mistakes Maven's binding hides:
 * an element no goal declares (Maven 3.8 ignores it, 3.9 only warns), a parameter given twice
 * (Maven reads the first), and a key given twice in a map or properties parameter (the last one
 * wins). Each is reported as an error naming the element, with what was probably meant.
 */
public final class ConfigurationCheck {

    /**
     * Top-level keys of the generated chart's values that the POM sets under another name, with the
     * parameters that set them: users who know the chart write these in the POM.
     */
    static final Map<String, List<String>> VALUES_KEYS = Map.of(
            "replicaCount",
            List.of("<replicas>"),
            "nameOverride",
            List.of("<chart><name>"),
            Canary.NAME,
            List.of("<canaryReplicas>", "<canaryService>"),
            BlueGreen.NAME,
            List.of("<activeSlot>", "<idleSlotReplicas>"),
            Recreate.NAME,
            List.of("<recreateImage>"),
            "persistence",
            List.of("<volumeClaimTemplates>"),
            "podSecurityContext",
            List.of("<securityContext>"),
            "containerSecurityContext",
            List.of("<securityContext>"),
            "tests",
            List.of("<connectionTest>", "<connectionTestImage>"));

    /** Top-level keys of the generated chart's values that no parameter sets; they are for install time. */
    static final Set<String> INSTALL_TIME_KEYS = Set.of(
            "fullnameOverride",
            "headlessService",
            "tmpVolume",
            "serviceAccount",
            "podDisruptionBudget",
            "tolerations",
            "affinity",
            "topologySpreadConstraints",
            "priorityClassName",
            "extra");

    /**
     * List parameters whose items hold a map, by the map's element: the {@code <env>} of each {@code
     * <initContainer>} and {@code <sidecar>}, where Maven keeps one of two equal keys as it does at
     * the top level.
     */
    static final Map<String, String> MAPS_IN_ITEMS = Map.of("initContainers", "env", "sidecars", "env");

    /** The goal whose parameters only shape its own output; never suggested for a typo elsewhere. */
    private static final String HELP_GOAL = "help";

    private final Map<String, GoalParameter> parameters = new HashMap<>();
    private final Set<String> suggestions = new TreeSet<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigurationCheck(Collection<GoalParameter> goalParameters) {
        for (GoalParameter p : goalParameters) {
            parameters.putIfAbsent(p.name(), p);
            if (p.alias() != null && !p.alias().isEmpty()) {
                parameters.putIfAbsent(p.alias(), p);
            }
            if (p.editable() && !p.goal().equals(HELP_GOAL)) {
                suggestions.add(p.name());
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
                error("<" + name + ">", unknown(name));
                continue;
            }
            if (element.getValue().size() > 1) {
                given("<" + name + ">", element.getValue());
            }
            if (parameter.keys() != Keys.NONE) {
                for (ConfigElement map : element.getValue()) {
                    keys("<" + name + ">", map, parameter.keys());
                }
            }
            String mapInItems = MAPS_IN_ITEMS.get(name);
            for (ConfigElement list : mapInItems == null ? List.<ConfigElement>of() : element.getValue()) {
                for (ConfigElement item : list.children()) {
                    String itemName = childValue(item, "name");
                    String at = "<" + name + "><" + item.name()
                            + (itemName == null ? ">" : " name=\"" + itemName + "\">") + "<" + mapInItems + ">";
                    item.children().stream()
                            .filter(child -> child.name().equals(mapInItems))
                            .forEach(map -> keys(at, map, Keys.MAP));
                }
            }
        }
    }

    private String unknown(String name) {
        List<String> meant = VALUES_KEYS.get(name);
        if (meant != null) {
            return "no such parameter; did you mean " + String.join(" or ", meant) + "? " + name
                    + " is the values key of the generated chart";
        }
        if (INSTALL_TIME_KEYS.contains(name)) {
            return "no such parameter; " + name + " is a value of the generated chart that no parameter sets:"
                    + " give it at install time, e.g. helm install -f values.yaml";
        }
        return EditDistance.closest(name, suggestions)
                .map(closest -> "no such parameter; did you mean <" + closest + ">?")
                .orElse("no such parameter; mvn statefulset:help -Ddetail lists every parameter");
    }

    /** Entries of a map or properties parameter (the element {@code at}), each key once. */
    private void keys(String at, ConfigElement map, Keys keys) {
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
                given(at + key, given);
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
