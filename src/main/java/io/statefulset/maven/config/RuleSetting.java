package io.statefulset.maven.config;

import io.statefulset.validate.ValidationConfig;

/** {@code <rule><id>…</id><severity>off|info|warning|error</severity></rule>}: re-grades one validation rule. */
public class RuleSetting {
    private String id;
    private String severity;

    public String id() {
        return id;
    }

    public String severity() {
        return severity;
    }

    /** As the core reads it. */
    public ValidationConfig.RuleLevel level() {
        return new ValidationConfig.RuleLevel(id, severity);
    }
}
