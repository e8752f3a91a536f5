package io.statefulset.maven.config;

import io.statefulset.chart.model.RawConfiguration;

/** {@code <service>}: the client Service. */
public class Service implements RawConfiguration.Service {
    private Boolean enabled;
    private String type;
    private Integer port;
    private String targetPort;
    private Integer nodePort;

    @Override
    public Boolean enabled() {
        return enabled;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Integer port() {
        return port;
    }

    @Override
    public String targetPort() {
        return targetPort;
    }

    @Override
    public Integer nodePort() {
        return nodePort;
    }
}
