package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The fields the API server requires of the kinds a StatefulSet chart is made of, and that the
 * Prometheus Operator's CRD requires of a ServiceMonitor.
 */
final class RequiredFields {
    private RequiredFields() {}

    static void find(HasMetadata object, BiConsumer<String, String> sink) {
        if (object.getMetadata() == null || blank(object.getMetadata().getName())) {
            sink.accept("metadata.name", "metadata.name is required");
        }
        if (object instanceof StatefulSet sts) {
            if (sts.getSpec() == null) {
                sink.accept("spec", "spec is required");
                return;
            }
            if (sts.getSpec().getSelector() == null) {
                sink.accept("spec.selector", "spec.selector is required");
            }
            if (sts.getSpec().getTemplate() == null) {
                sink.accept("spec.template", "spec.template is required");
            }
            List<PersistentVolumeClaim> claims = sts.getSpec().getVolumeClaimTemplates();
            for (int i = 0; claims != null && i < claims.size(); i++) {
                PersistentVolumeClaim claim = claims.get(i);
                String at = "spec.volumeClaimTemplates[" + i + "]";
                if (claim.getMetadata() == null || blank(claim.getMetadata().getName())) {
                    sink.accept(
                            at + ".metadata.name",
                            "a claim template needs a name; PVCs are named <name>-<statefulset>-<ordinal>");
                }
                if (claim.getSpec() == null
                        || claim.getSpec().getResources() == null
                        || claim.getSpec().getResources().getRequests() == null
                        || !claim.getSpec().getResources().getRequests().containsKey("storage")) {
                    sink.accept(at + ".spec.resources.requests.storage", "a claim template must request storage");
                }
            }
        }
        if (object instanceof Service service
                && service.getSpec() != null
                && service.getSpec().getPorts() != null) {
            List<ServicePort> ports = service.getSpec().getPorts();
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i).getPort() == null) {
                    sink.accept("spec.ports[" + i + "].port", "a Service port needs a port number");
                }
            }
        }
        if (object instanceof ServiceMonitor monitor) {
            if (monitor.getSpec() == null) {
                sink.accept("spec", "spec is required");
            } else if (monitor.getSpec().getSelector() == null) {
                sink.accept("spec.selector", "a ServiceMonitor needs a selector for the Services it scrapes");
            }
        }
        PodTemplates.of(object).ifPresent(template -> {
            PodSpec spec = template.spec();
            if (spec == null) {
                sink.accept(template.path(), "the pod template needs a spec");
                return;
            }
            if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
                sink.accept(template.path() + ".containers", "a pod needs at least one container");
                return;
            }
            for (int i = 0; i < spec.getContainers().size(); i++) {
                Container c = spec.getContainers().get(i);
                if (blank(c.getName())) {
                    sink.accept(template.path() + ".containers[" + i + "].name", "a container needs a name");
                }
                if (blank(c.getImage())) {
                    sink.accept(template.path() + ".containers[" + i + "].image", "a container needs an image");
                }
            }
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
