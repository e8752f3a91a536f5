package io.statefulset.helm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Inputs of {@code helm template}: release name and namespace, {@code --set} pairs (Helm's own
 * type parsing applies: {@code replicaCount=3} is a number), values files and the Kubernetes
 * version to render for.
 */
public record TemplateRequest(
        String releaseName, String namespace, Map<String, String> set, List<Path> valuesFiles, String kubeVersion) {
    public TemplateRequest {
        set = Map.copyOf(set);
        valuesFiles = List.copyOf(valuesFiles);
    }

    /**
     * The Kubernetes version rendered for unless another is asked for. Helm's in-process library
     * would otherwise assume v1.20.0, older than any cluster that supports every field this chart
     * uses. Never newer than the API the fabric8 model reads rendered objects with (1.37.0 for
     * fabric8 7.9.0), or fields of that version would be reported as unknown; a test checks it.
     */
    public static final String DEFAULT_KUBE_VERSION = "1.35.0";

    public static TemplateRequest release(String releaseName) {
        return new TemplateRequest(releaseName, "default", Map.of(), List.of(), DEFAULT_KUBE_VERSION);
    }

    public TemplateRequest withSet(Map<String, String> values) {
        return new TemplateRequest(releaseName, namespace, values, valuesFiles, kubeVersion);
    }

    public TemplateRequest withValuesFiles(List<Path> files) {
        return new TemplateRequest(releaseName, namespace, set, files, kubeVersion);
    }

    public TemplateRequest withKubeVersion(String version) {
        return new TemplateRequest(releaseName, namespace, set, valuesFiles, version);
    }
}
