package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;
import java.util.List;

/** {@code <hook>}: a Helm hook run as a Job. */
public class Hook {
    private String name;
    private List<String> events;
    private Integer weight;
    private List<String> deletePolicies;
    private String image;
    private List<String> command;
    private List<String> args;
    private Integer backoffLimit;
    private Integer activeDeadlineSeconds;
    private Integer ttlSecondsAfterFinished;

    public ChartSpec.HookSpec toSpec() {
        return new ChartSpec.HookSpec(
                name,
                events,
                weight,
                deletePolicies,
                image,
                command,
                args,
                backoffLimit,
                activeDeadlineSeconds,
                ttlSecondsAfterFinished);
    }
}
