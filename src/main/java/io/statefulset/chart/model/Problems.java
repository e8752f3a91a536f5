package io.statefulset.chart.model;

import io.statefulset.chart.ConfigProblem;
import io.statefulset.chart.ConfigProblem.Severity;
import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration problems found while resolving, in the order the checks find them. Each names
 * the POM element, the value found there and the fix.
 */
final class Problems {
    private final List<ConfigProblem> found = new ArrayList<>();

    void error(String element, String value, String message) {
        found.add(new ConfigProblem(Severity.ERROR, element, value, message));
    }

    void warning(String element, String value, String message) {
        found.add(new ConfigProblem(Severity.WARNING, element, value, message));
    }

    /** The term of {@code type} spelled {@code value}; without one, an error that lists them all. */
    <E extends Enum<E> & Vocabulary> Optional<E> oneOf(String element, String value, Class<E> type) {
        Optional<E> term = Vocabulary.parse(type, value);
        if (term.isEmpty()) {
            error(element, value, "must be one of " + String.join(", ", Vocabulary.values(type)));
        }
        return term;
    }

    void nonNegative(String element, Integer value) {
        if (value == null || value < 0) {
            error(element, Given.str(value), "must be 0 or more");
        }
    }

    void positive(String element, Integer value) {
        if (value == null || value < 1) {
            error(element, Given.str(value), "must be 1 or more");
        }
    }

    /** Keys (and, for labels, values) of a {@code <property>} list that ends up in object metadata. */
    void metadata(String element, Map<String, String> map, boolean labelValues) {
        map.forEach((key, value) -> {
            if (!KubernetesSyntax.isQualifiedName(key)) {
                error(
                        element + "<property name=\"" + key + "\">",
                        key,
                        "is not a valid key; use [prefix/]name where the name has at most 63 letters, digits, '-', '_' or '.'");
            } else if (labelValues && !KubernetesSyntax.isLabelValue(value)) {
                error(
                        element + "<property name=\"" + key + "\"><value>",
                        value,
                        "is not a label value; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            } else if (value == null) {
                error(
                        element + "<property name=\"" + key + "\"><value>",
                        null,
                        "is missing; give a value (may be empty in a label, never absent)");
            }
        });
    }

    /** {@code <hooks><hook name="x">} when the item has a name, {@code <hooks><hook>[2]} otherwise. */
    static String item(String open, String name, int index) {
        return Given.blank(name) ? open + ">[" + (index + 1) + "]" : open + " name=\"" + name + "\">";
    }

    List<ConfigProblem> all() {
        return List.copyOf(found);
    }
}
