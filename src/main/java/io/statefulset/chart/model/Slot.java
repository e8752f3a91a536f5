package io.statefulset.chart.model;

import io.statefulset.chart.vocabulary.Vocabulary;

/** The two StatefulSets of {@link BlueGreen}. */
public enum Slot implements Vocabulary {
    BLUE("blue"),
    GREEN("green");

    private final String value;

    Slot(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
