package io.statefulset.chart.vocabulary;

/** How a StatefulSet starts and stops its pods; immutable after creation. */
public enum PodManagementPolicy implements Vocabulary {
    ORDERED_READY("OrderedReady"),
    PARALLEL("Parallel");

    private final String value;

    PodManagementPolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
