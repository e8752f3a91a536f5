package io.statefulset.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The generated chart's values: every key with its default, a one-line description and its JSON
 * Schema. One tree feeds {@code values.yaml}, {@code values.schema.json} and the chart README, so
 * the three cannot drift apart.
 */
public final class ValuesTree {

    /** A key of the values file. */
    public sealed interface Entry permits Leaf, Section {
        String key();

        String description();
    }

    /** A key whose value is data: a scalar, or a list or map passed to Kubernetes as it is. */
    public record Leaf(String key, String description, Object value, Map<String, Object> schema) implements Entry {
        public Leaf {
            value = canonical(value);
        }
    }

    /**
     * A deep copy in which every map iterates in a fixed order: insertion order where the code chose
     * it (LinkedHashMap, SortedMap), key order otherwise ({@code Map.of} iterates differently in
     * every JVM, which would make the chart's bytes change from build to build).
     */
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = map instanceof LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>
                    ? new LinkedHashMap<>()
                    : new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put((String) k, canonical(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValuesTree::canonical).toList();
        }
        return value;
    }

    /**
     * A key whose value is a map of further described keys. {@code entrySchema} is null for a fixed
     * set of keys (no others allowed); for a map keyed by user-chosen names (claims, hooks) it is the
     * schema every entry must follow, and {@code keyPattern} restricts the names.
     */
    public record Section(
            String key, String description, List<Entry> entries, Map<String, Object> entrySchema, String keyPattern)
            implements Entry {
        public Section {
            entries = List.copyOf(entries);
        }

        /** The entry with this key; the values tree and its YAML are built from the same entries. */
        public Entry entry(String key) {
            return entries.stream()
                    .filter(e -> e.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no values entry " + key + " in " + this.key));
        }

        /** The plain value tree, as Helm sees it. */
        public Map<String, Object> toValue() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Entry entry : entries) {
                map.put(entry.key(), entry instanceof Section s ? s.toValue() : ((Leaf) entry).value());
            }
            return map;
        }

        /** The JSON Schema of this section. */
        public Map<String, Object> toSchema() {
            Map<String, Object> schema = JsonSchema.schema("type", "object");
            if (description != null) {
                schema.put("description", description);
            }
            if (entrySchema != null) {
                if (keyPattern != null) {
                    schema.put("propertyNames", JsonSchema.schema("pattern", keyPattern));
                }
                schema.put("additionalProperties", entrySchema);
                return schema;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Entry entry : entries) {
                properties.put(entry.key(), entry instanceof Section s ? s.toSchema() : leafSchema((Leaf) entry));
            }
            schema.put("properties", properties);
            schema.put("additionalProperties", false);
            return schema;
        }

        private static Map<String, Object> leafSchema(Leaf leaf) {
            return JsonSchema.with(leaf.schema(), "description", leaf.description());
        }
    }

    /** Collects entries in the order they should appear in {@code values.yaml}. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder leaf(String key, String description, Object value, Map<String, Object> schema) {
            entries.add(new Leaf(key, description, value, schema));
            return this;
        }

        public Builder section(String key, String description, Consumer<Builder> content) {
            entries.add(new Section(key, description, build(content), null, null));
            return this;
        }

        /**
         * A map of user-named entries (claims, hooks by name). Every entry, including ones added at
         * install time, must follow the schema of {@code prototype} (the same keys, types and
         * descriptions as the entries written here) and set the {@code required} keys.
         */
        public Builder namedSections(
                String key,
                String description,
                String keyPattern,
                List<String> required,
                Consumer<Builder> prototype,
                Map<String, Consumer<Builder>> named) {
            List<Entry> children = new ArrayList<>();
            named.forEach((name, content) -> children.add(new Section(name, null, build(content), null, null)));
            Map<String, Object> entrySchema = new Section(null, null, build(prototype), null, null).toSchema();
            // Entries added at install time (--set hooks.x.image=…) must still say what they need.
            entrySchema.put("required", required);
            entries.add(new Section(key, description, children, entrySchema, keyPattern));
            return this;
        }

        public List<Entry> entries() {
            return entries;
        }

        static List<Entry> build(Consumer<Builder> content) {
            Builder b = new Builder();
            content.accept(b);
            return b.entries();
        }
    }
}
