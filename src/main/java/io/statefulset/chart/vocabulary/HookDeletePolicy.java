package io.statefulset.chart.vocabulary;

/** When Helm deletes a hook resource ({@code helm.sh/hook-delete-policy}). */
public enum HookDeletePolicy implements Vocabulary {
    BEFORE_HOOK_CREATION("before-hook-creation"),
    HOOK_SUCCEEDED("hook-succeeded"),
    HOOK_FAILED("hook-failed");

    private final String value;

    HookDeletePolicy(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
