package io.statefulset.chart;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the draft-07 JSON Schema fragments of {@code values.schema.json}. */
public final class JsonSchema {
    private JsonSchema() {}

    public static Map<String, Object> string() {
        return schema("type", "string");
    }

    public static Map<String, Object> string(String pattern) {
        return schema("type", "string", "pattern", pattern);
    }

    public static Map<String, Object> enumOf(List<String> values) {
        return schema("type", "string", "enum", values);
    }

    public static Map<String, Object> integer(int minimum) {
        return schema("type", "integer", "minimum", minimum);
    }

    public static Map<String, Object> integer(int minimum, int maximum) {
        return schema("type", "integer", "minimum", minimum, "maximum", maximum);
    }

    public static Map<String, Object> bool() {
        return schema("type", "boolean");
    }

    public static Map<String, Object> array(Map<String, Object> items) {
        return schema("type", "array", "items", items);
    }

    /** An object whose keys are free but whose values follow {@code values}. */
    public static Map<String, Object> mapOf(Map<String, Object> values) {
        return schema("type", "object", "additionalProperties", values);
    }

    /** An object whose keys match {@code keyPattern} and whose values follow {@code values}. */
    public static Map<String, Object> mapOf(String keyPattern, Map<String, Object> values) {
        return schema("type", "object", "propertyNames", schema("pattern", keyPattern), "additionalProperties", values);
    }

    /** An object whose content Helm passes through to Kubernetes (security contexts, affinity). */
    public static Map<String, Object> anyObject() {
        return schema("type", "object");
    }

    @SafeVarargs
    public static Map<String, Object> anyOf(Map<String, Object>... alternatives) {
        return schema("anyOf", Arrays.asList(alternatives));
    }

    /** Adds {@code key: value} pairs to a copy of {@code base}. */
    public static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.putAll(schema(pairs));
        return copy;
    }

    public static Map<String, Object> schema(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
