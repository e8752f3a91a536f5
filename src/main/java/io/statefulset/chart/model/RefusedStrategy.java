package io.statefulset.chart.model;

import java.util.Arrays;
import java.util.Optional;

/** Strategies a plain chart cannot deliver, and what to use instead. */
enum RefusedStrategy {
    SHADOW(
            "shadow",
            "needs a proxy that copies live requests to the new version (Istio"
                    + " VirtualService mirror, Gateway API HTTPRoute RequestMirror filter, ingress-nginx mirror-target); a"
                    + " StatefulSet chart cannot mirror traffic. Add the mirror to your gateway and deploy the new version with"
                    + " <strategy>blueGreen</strategy> (test it through the preview Service) or <strategy>canary</strategy>"),
    AB_TESTING(
            "abTesting",
            "needs routing by request (header, cookie, user) to two versions"
                    + " (Gateway API HTTPRoute matches, Istio VirtualService, ingress-nginx canary-by-header); a Service spreads"
                    + " requests without looking at them. Put that routing in your gateway in front of <strategy>blueGreen</strategy>"
                    + " (both slots stay up, each with its own Service)");

    private final String name;
    private final String why;

    RefusedStrategy(String name, String why) {
        this.name = name;
        this.why = why;
    }

    static Optional<RefusedStrategy> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name.equals(name)).findFirst();
    }

    /** Why a chart cannot deliver it, and what to do instead. */
    String why() {
        return why;
    }
}
