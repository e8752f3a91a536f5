package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <securityContext>}: the user, group and fsGroup the pods run as (all default to 10001). */
public class SecurityContext {
    private Long runAsUser;
    private Long runAsGroup;
    private Long fsGroup;

    public ChartSpec.PodSecuritySpec toSpec() {
        return new ChartSpec.PodSecuritySpec(runAsUser, runAsGroup, fsGroup);
    }
}
