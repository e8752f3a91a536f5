package io.statefulset.chart.vocabulary;

/** What a StatefulSet does with its claims when it is deleted or scaled down ({@code persistentVolumeClaimRetentionPolicy}). */
public enum ClaimRetentionPolicy implements Vocabulary {
    RETAIN("Retain"),
    DELETE("Delete");

    private final String value;

    ClaimRetentionPolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
