package io.statefulset.chart.vocabulary;

/** Protocols of a container port. */
public enum Protocol implements Vocabulary {
    TCP("TCP"),
    UDP("UDP"),
    SCTP("SCTP");

    private final String value;

    Protocol(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
