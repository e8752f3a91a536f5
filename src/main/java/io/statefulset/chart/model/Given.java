package io.statefulset.chart.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Reading raw configuration, where an element that was not given is {@code null}. */
final class Given {
    private Given() {}

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** {@code getter} of an element that may be absent: {@code null} when {@code element} is. */
    static <E, T> T of(E element, Function<E, T> getter) {
        return element == null ? null : getter.apply(element);
    }

    /** An unmodifiable copy; an absent list is empty. */
    static <T> List<T> list(List<? extends T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /** An unmodifiable copy in key order, so that every map the chart is written from iterates the same way. */
    static SortedMap<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
