package io.statefulset.chart.vocabulary;

/** When the kubelet pulls a container's image ({@code imagePullPolicy}). */
public enum PullPolicy implements Vocabulary {
    ALWAYS("Always"),
    IF_NOT_PRESENT("IfNotPresent"),
    NEVER("Never");

    private final String value;

    PullPolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
