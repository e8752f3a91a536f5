package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <port>}: a named container port. */
public class Port {
    private String name;
    private Integer containerPort;
    private String protocol;

    public ChartSpec.PortSpec toSpec() {
        return new ChartSpec.PortSpec(name, containerPort, protocol);
    }
}
