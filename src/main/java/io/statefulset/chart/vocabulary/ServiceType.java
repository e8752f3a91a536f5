package io.statefulset.chart.vocabulary;

/** Types of the client Service the chart can create. */
public enum ServiceType implements Vocabulary {
    CLUSTER_IP("ClusterIP"),
    NODE_PORT("NodePort"),
    LOAD_BALANCER("LoadBalancer");

    private final String value;

    ServiceType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
