package io.statefulset.maven.config;

import io.statefulset.chart.ChartSpec;

/** {@code <service>}: the client Service. */
public class Service {
    private Boolean enabled;
    private String type;
    private Integer port;
    private String targetPort;
    private Integer nodePort;

    public ChartSpec.ServiceSpec toSpec() {
        return new ChartSpec.ServiceSpec(enabled, type, port, targetPort, nodePort);
    }
}
