package io.statefulset.chart.model;

import io.statefulset.chart.vocabulary.Vocabulary;

/** The compute resources the chart sets requests and limits for. */
public enum ResourceName implements Vocabulary {
    CPU("cpu", "cpu"),
    MEMORY("memory", "memory"),
    EPHEMERAL_STORAGE("ephemeral-storage", "ephemeralStorage");

    private final String value;
    private final String element;

    ResourceName(String value, String element) {
        this.value = value;
        this.element = element;
    }

    @Override
    public String value() {
        return value;
    }

    /** The POM spells resource names in camel case, Kubernetes with hyphens. */
    public String element() {
        return element;
    }
}
