package io.statefulset.maven;

import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Mojo's parameters as Maven injected them (expressions and defaults already evaluated), written
 * out in one canonical form: two runs that give the same text were configured alike. Read by
 * reflection over the Mojo's own fields and the beans below them, so a new parameter or bean field
 * counts without anyone listing it. The files and directories met on the way are collected, for
 * the caller to add their content.
 */
final class ParameterText {
    /** Configuration beans are shallow trees; anything deeper is a cycle. */
    private static final int MAX_DEPTH = 16;

    private final StringBuilder text = new StringBuilder();
    private final List<Path> files = new ArrayList<>();

    private ParameterText() {}

    /** The text of every instance field {@code type} declares (not its parents'), on {@code mojo}. */
    static ParameterText of(Object mojo, Class<?> type) {
        ParameterText parameters = new ParameterText();
        parameters.fields(mojo, type, 0);
        return parameters;
    }

    String text() {
        return text.toString();
    }

    /** Every {@code File} or {@code Path} value met, in the order met. */
    List<Path> files() {
        return List.copyOf(files);
    }

    private void value(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("configuration nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null) {
            text.append('-');
        } else if (value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>) {
            // Length-prefixed, so that no value can pass for a separator.
            String s = value.toString();
            text.append(s.length()).append(':').append(s);
        } else if (value instanceof File || value instanceof Path) {
            Path path = value instanceof File file ? file.toPath() : (Path) value;
            files.add(path);
            value(path.toString(), depth);
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            map.entrySet().stream()
                    .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
                    .forEach(e -> {
                        value(String.valueOf(e.getKey()), depth + 1);
                        text.append('=');
                        value(e.getValue(), depth + 1);
                        text.append(';');
                    });
            text.append('}');
        } else if (value instanceof Collection<?> collection) {
            text.append('[');
            for (Object element : collection) {
                value(element, depth + 1);
                text.append(';');
            }
            text.append(']');
        } else if (value.getClass().isArray()) {
            text.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                value(Array.get(value, i), depth + 1);
                text.append(';');
            }
            text.append(']');
        } else {
            text.append(value.getClass().getName()).append('{');
            for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                fields(value, c, depth + 1);
            }
            text.append('}');
        }
    }

    private void fields(Object owner, Class<?> type, int depth) {
        Field[] fields = type.getDeclaredFields();
        java.util.Arrays.sort(fields, Comparator.comparing(Field::getName));
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                continue;
            }
            field.setAccessible(true);
            text.append(field.getName()).append('=');
            try {
                value(field.get(owner), depth);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            text.append(';');
        }
    }
}
