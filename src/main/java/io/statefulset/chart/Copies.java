package io.statefulset.chart;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Defensive copies for the records of the core model; {@code null} stays {@code null} (unset). */
final class Copies {
    private Copies() {}

    static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** Copies into key order, so that every map the chart is written from iterates the same way. */
    static SortedMap<String, String> sortedMap(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
