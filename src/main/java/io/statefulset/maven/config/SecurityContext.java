package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <securityContext>}: the user, group and fsGroup the pods run as (all default to 10001). */
public class SecurityContext implements RawConfiguration.SecurityContext {
    private Long runAsUser;
    private Long runAsGroup;
    private Long fsGroup;

    @Override
    public Long runAsUser() {
        return runAsUser;
    }

    @Override
    public Long runAsGroup() {
        return runAsGroup;
    }

    @Override
    public Long fsGroup() {
        return fsGroup;
    }
}
