package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <port>}: a named container port. */
public class Port implements RawConfiguration.Port {
    private String name;
    private Integer containerPort;
    private String protocol;

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer containerPort() {
        return containerPort;
    }

    @Override
    public String protocol() {
        return protocol;
    }
}
