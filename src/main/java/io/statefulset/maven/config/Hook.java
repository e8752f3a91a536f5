package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;
import java.util.List;

/** {@code <hook>}: a Helm hook run as a Job. */
public class Hook implements RawConfiguration.Hook {
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

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> events() {
        return events;
    }

    @Override
    public Integer weight() {
        return weight;
    }

    @Override
    public List<String> deletePolicies() {
        return deletePolicies;
    }

    @Override
    public String image() {
        return image;
    }

    @Override
    public List<String> command() {
        return command;
    }

    @Override
    public List<String> args() {
        return args;
    }

    @Override
    public Integer backoffLimit() {
        return backoffLimit;
    }

    @Override
    public Integer activeDeadlineSeconds() {
        return activeDeadlineSeconds;
    }

    @Override
    public Integer ttlSecondsAfterFinished() {
        return ttlSecondsAfterFinished;
    }
}
