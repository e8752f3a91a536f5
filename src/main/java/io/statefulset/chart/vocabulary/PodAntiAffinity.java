package io.statefulset.chart.vocabulary;

/**
 * How the chart keeps a StatefulSet's replicas off one node ({@code <podAntiAffinity>}): a
 * preferred pod anti-affinity term, a required one, or none.
 */
public enum PodAntiAffinity implements Vocabulary {
    /** Preferred: the scheduler spreads the pods where it can, and still places them where it cannot. */
    SOFT("soft"),
    /** Required: a pod stays Pending rather than share a node with another replica. */
    HARD("hard"),
    NONE("none");

    private final String value;

    PodAntiAffinity(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
