package io.statefulset.helm;

import io.statefulset.chart.Deadline;

/** Helm did not finish by its deadline; the work was stopped and left nothing behind. */
public final class HelmTimeoutException extends HelmStoppedException {
    public HelmTimeoutException(String what, Deadline deadline) {
        super(
                "Helm did not " + what + " within " + deadline.describe() + ", so it was stopped. A template that"
                        + " loops for long, or a registry that stops answering, is the usual cause; raise "
                        + deadline.setting() + " only if the work is known to need longer.",
                null);
    }
}
