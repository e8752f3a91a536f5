package io.statefulset.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Finds fields of a parsed object that its Kubernetes type does not have. fabric8 keeps such
 * fields in each object's {@code additionalProperties} instead of failing; this walks the object
 * tree and reports every one with its YAML path.
 */
final class UnknownFields {
    private static final String ADDITIONAL = "additionalProperties";
    private static final Map<Class<?>, List<Property>> PROPERTIES = new ConcurrentHashMap<>();

    private record Property(String jsonName, Field field) {}

    private UnknownFields() {}

    /** Calls {@code sink} with (path of the parent object, unknown field name) for each unknown field. */
    static void find(Object object, BiConsumer<String, String> sink) {
        walk(object, "", sink);
    }

    private static void walk(Object value, String path, BiConsumer<String, String> sink) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", sink);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, join(path, String.valueOf(k)), sink));
            return;
        }
        if (!isModel(value.getClass())) {
            return;
        }
        for (Property property : properties(value.getClass())) {
            Object child;
            try {
                child = property.field().get(value);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (property.jsonName().equals(ADDITIONAL)) {
                if (child instanceof Map<?, ?> extra) {
                    for (Object key : extra.keySet()) {
                        sink.accept(join(path, String.valueOf(key)), String.valueOf(key));
                    }
                }
            } else if (!isFreeForm(property)) {
                walk(child, join(path, property.jsonName()), sink);
            }
        }
    }

    /** The Kubernetes model, and the Prometheus Operator's (ServiceMonitor), which the reader also knows. */
    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith(MONITORING_MODEL);
    }

    static final String MONITORING_MODEL = "io.fabric8.openshift.api.model.monitoring";

    /** Maps whose keys are data (labels, annotations, selectors, resource lists), not fields. */
    private static boolean isFreeForm(Property property) {
        return Map.class.isAssignableFrom(property.field().getType());
    }

    private static List<Property> properties(Class<?> type) {
        return PROPERTIES.computeIfAbsent(type, t -> {
            List<Property> list = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())
                            || field.getType().isPrimitive()
                            || field.getType() == String.class) {
                        continue;
                    }
                    JsonProperty json = field.getAnnotation(JsonProperty.class);
                    String name = json != null && !json.value().isEmpty() ? json.value() : field.getName();
                    field.setAccessible(true);
                    list.add(new Property(field.getName().equals(ADDITIONAL) ? ADDITIONAL : name, field));
                }
            }
            return List.copyOf(list);
        });
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
