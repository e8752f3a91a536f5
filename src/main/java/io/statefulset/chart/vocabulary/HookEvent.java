package io.statefulset.chart.vocabulary;

import java.util.Optional;

/**
 * The events a Helm hook runs at ({@code helm.sh/hook}): the nine of Helm 3. Helm 2 named the test
 * event {@code test-success}; Helm 3 has no such event, but its manifest sorter still reads that
 * name as {@link #TEST}, so {@link #read} does too.
 */
public enum HookEvent implements Vocabulary {
    PRE_INSTALL("pre-install"),
    POST_INSTALL("post-install"),
    PRE_DELETE("pre-delete"),
    POST_DELETE("post-delete"),
    PRE_UPGRADE("pre-upgrade"),
    POST_UPGRADE("post-upgrade"),
    PRE_ROLLBACK("pre-rollback"),
    POST_ROLLBACK("post-rollback"),
    TEST("test");

    /** Helm 2's name of {@link #TEST}. */
    public static final String LEGACY_TEST = "test-success";

    private final String value;

    HookEvent(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    /**
     * The event Helm runs a hook at when its annotation names {@code name} (one entry, trimmed and
     * lower-cased as Helm does before it looks the name up); empty when Helm skips the resource.
     */
    public static Optional<HookEvent> read(String name) {
        return LEGACY_TEST.equals(name) ? Optional.of(TEST) : Vocabulary.parse(HookEvent.class, name);
    }
}
