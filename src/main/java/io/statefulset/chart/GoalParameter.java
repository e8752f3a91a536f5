package io.statefulset.chart;

/**
 * A parameter of one of the plugin's goals, as the plugin descriptor lists it.
 *
 * @param goal the goal that declares it, e.g. {@code generate}
 * @param name the element name, e.g. {@code replicas}
 * @param alias another element name Maven accepts for it, or {@code null}
 * @param editable false for read-only parameters such as {@code project}
 * @param keys how the configuration spells the keys of a map-valued parameter
 */
public record GoalParameter(String goal, String name, String alias, boolean editable, Keys keys) {

    /** How a parameter's configuration names its entries. */
    public enum Keys {
        /** Not a map. */
        NONE,
        /** A {@code Map}: each child element is one entry, {@code <DATA_DIR>/app/data</DATA_DIR>}. */
        MAP,
        /**
         * {@code Properties}: {@code <property><name>k</name><value>v</value></property>}, or a child
         * element per entry as for a map.
         */
        PROPERTIES
    }
}
