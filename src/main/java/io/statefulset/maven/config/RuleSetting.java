package io.statefulset.maven.config;

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
}
