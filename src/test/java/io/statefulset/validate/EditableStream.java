package io.statefulset.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Test support: a manifest stream as YAML trees that a test changes one thing in, then writes
 * back. Paths look like {@code spec.template.spec.containers[0].image}; keys with dots are quoted:
 * {@code metadata.annotations["helm.sh/hook"]}.
 */
final class EditableStream {
    private static final Pattern SEGMENT = Pattern.compile("\\[\"([^\"]*)\"]|\\[(\\d+)]|([^.\\[\\]]+)");

    private final List<Object> documents = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();

    static EditableStream of(Path file) {
        try {
            EditableStream s = new EditableStream();
            String text = Files.readString(file);
            for (String doc : text.split("(?m)^---\\s*$")) {
                Object tree = new Yaml().load(doc);
                if (tree == null) {
                    continue;
                }
                Matcher m = Pattern.compile("(?m)^# Source: (.+)$").matcher(doc);
                s.documents.add(tree);
                s.sources.add(m.find() ? m.group(1) : null);
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EditableStream clean() {
        return of(Path.of("src/test/resources/validate/clean.yaml"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> doc(String kind, String name) {
        for (Object d : documents) {
            Map<String, Object> map = (Map<String, Object>) d;
            Map<String, Object> meta = (Map<String, Object>) map.get("metadata");
            if (kind.equals(map.get("kind")) && meta != null && name.equals(meta.get("name"))) {
                return map;
            }
        }
        throw new IllegalArgumentException("no " + kind + "/" + name);
    }

    EditableStream set(String kind, String name, String path, Object value) {
        Object parent = navigate(doc(kind, name), path, true);
        put(parent, last(path), value);
        return this;
    }

    EditableStream remove(String kind, String name, String path) {
        Object parent = navigate(doc(kind, name), path, false);
        Object key = last(path);
        if (parent instanceof Map<?, ?> map) {
            map.remove(key);
        } else if (parent instanceof List<?> list) {
            list.remove((int) (Integer) key);
        }
        return this;
    }

    EditableStream removeDocument(String kind, String name) {
        int i = documents.indexOf(doc(kind, name));
        documents.remove(i);
        sources.remove(i);
        return this;
    }

    EditableStream add(String yaml) {
        documents.add(new Yaml().load(yaml));
        sources.add("extra.yaml");
        return this;
    }

    /** Adds a document that is not a mapping, written as it is. */
    EditableStream addRaw(String yaml) {
        documents.add(new Raw(yaml));
        sources.add("raw.yaml");
        return this;
    }

    private record Raw(String text) {}

    String render() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml yaml = new Yaml(options);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            out.append("---\n");
            if (sources.get(i) != null) {
                out.append("# Source: ").append(sources.get(i)).append('\n');
            }
            out.append(documents.get(i) instanceof Raw raw ? raw.text() + "\n" : yaml.dump(documents.get(i)));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Object navigate(Object root, String path, boolean create) {
        List<Object> keys = keys(path);
        Object node = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            Object key = keys.get(i);
            Object next = node instanceof Map<?, ?> map ? map.get(key) : ((List<Object>) node).get((Integer) key);
            if (next == null && create) {
                next = new LinkedHashMap<String, Object>();
                put(node, key, next);
            }
            node = next;
        }
        return node;
    }

    private static Object last(String path) {
        List<Object> keys = keys(path);
        return keys.get(keys.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static void put(Object parent, Object key, Object value) {
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(key, value);
        } else {
            List<Object> list = (List<Object>) parent;
            int index = (Integer) key;
            if (index == list.size()) {
                list.add(value);
            } else {
                list.set(index, value);
            }
        }
    }

    private static List<Object> keys(String path) {
        List<Object> keys = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            if (m.group(1) != null) {
                keys.add(m.group(1));
            } else if (m.group(2) != null) {
                keys.add(Integer.valueOf(m.group(2)));
            } else {
                keys.add(m.group(3));
            }
        }
        return keys;
    }
}
