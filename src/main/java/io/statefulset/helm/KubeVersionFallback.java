package io.statefulset.helm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a chart for a Kubernetes version its {@code kubeVersion} constraint accepts. Helm checks
 * the constraint itself; when the default version is refused, the next candidate is tried, newest
 * first, so that {@code kubeVersion: ">=1.37.0-0"} is rendered for 1.37 rather than rejected.
 */
final class KubeVersionFallback {
    static final int OLDEST_MINOR = 27;
    static final int NEWEST_MINOR = 40;

    private KubeVersionFallback() {}

    static String render(HelmRunner helm, Path chart, TemplateRequest request) throws HelmException {
        try {
            return helm.template(chart, request);
        } catch (HelmException e) {
            if (!refusedVersion(e)) {
                throw e;
            }
            for (String version : candidates(request.kubeVersion())) {
                try {
                    return helm.template(chart, request.withKubeVersion(version));
                } catch (HelmException again) {
                    if (!refusedVersion(again)) {
                        throw again;
                    }
                }
            }
            throw new HelmException(
                    e.getMessage() + " (nor is any of Kubernetes 1." + OLDEST_MINOR + " to 1." + NEWEST_MINOR
                            + "; check the chart's kubeVersion constraint)",
                    e);
        }
    }

    private static boolean refusedVersion(HelmException e) {
        return e.getMessage() != null && e.getMessage().contains("incompatible with Kubernetes");
    }

    private static List<String> candidates(String tried) {
        List<String> versions = new ArrayList<>();
        for (int minor = NEWEST_MINOR; minor >= OLDEST_MINOR; minor--) {
            String version = "1." + minor + ".0";
            if (!version.equals(tried)) {
                versions.add(version);
            }
        }
        return versions;
    }
}
