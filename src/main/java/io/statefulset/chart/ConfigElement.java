package io.statefulset.chart;

import java.util.List;

/**
 * One element of the plugin's XML configuration as the POM wrote it, before Maven binds it to
 * parameters: binding drops elements no goal declares and lets the last of two equal map keys win,
 * so mistakes are only visible here.
 *
 * @param name the element name, e.g. {@code env}
 * @param value its text, {@code null} for an empty element or one with children
 * @param children its child elements in document order, repeats included
 */
public record ConfigElement(String name, String value, List<ConfigElement> children) {
    public ConfigElement {
        children = List.copyOf(children);
    }

    public static ConfigElement leaf(String name, String value) {
        return new ConfigElement(name, value, List.of());
    }
}
