package io.statefulset.validate;

/**
 * A check with a stable id, a default severity, a one-line rationale and the usual fix. Rules
 * whose {@code check} is {@code null} are reported by an earlier stage (Helm lint and render,
 * manifest parsing) but are listed, configured and documented like every other.
 */
public record Rule(String id, Family family, Severity defaultSeverity, String rationale, String fix, Check check) {

    /** The groups rules are listed in. */
    public enum Family {
        HELM("Helm"),
        SCHEMA("Schema"),
        STATEFULSET("StatefulSet"),
        HOOKS("Hooks"),
        POD("Pod hardening and operability"),
        UPGRADE("Upgrade safety");

        private final String title;

        Family(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Looks at the manifests and reports what is wrong. */
    @FunctionalInterface
    public interface Check {
        void run(Manifests manifests, Reporter reporter);
    }
}
