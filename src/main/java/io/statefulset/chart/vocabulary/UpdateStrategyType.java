package io.statefulset.chart.vocabulary;

/** How a StatefulSet replaces pods when its template changes ({@code spec.updateStrategy.type}). */
public enum UpdateStrategyType implements Vocabulary {
    ROLLING_UPDATE("RollingUpdate"),
    ON_DELETE("OnDelete");

    private final String value;

    UpdateStrategyType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
