package io.statefulset.maven.config.containers;

import io.statefulset.chart.model.RawConfiguration;
import io.statefulset.maven.config.Port;

/** {@code <port>} of a sidecar: a named container port, published in the headless Service on request. */
public class ExtraPort extends Port implements RawConfiguration.ExtraPort {
    private Boolean publish;

    @Override
    public Boolean publish() {
        return publish;
    }
}
