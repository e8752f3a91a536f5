package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Optional;

/** Finds the pod template of any workload, with the YAML path of its pod spec. */
final class PodTemplates {

    /** The pod metadata and spec of a workload, {@code path} being where the spec sits. */
    record PodTemplate(ObjectMeta metadata, PodSpec spec, String path) {}

    private PodTemplates() {}

    static Optional<PodTemplate> of(HasMetadata object) {
        if (object instanceof Pod pod) {
            return Optional.of(new PodTemplate(pod.getMetadata(), pod.getSpec(), "spec"));
        }
        PodTemplateSpec template = null;
        String path = "spec.template";
        if (object instanceof StatefulSet s && s.getSpec() != null) {
            template = s.getSpec().getTemplate();
        } else if (object instanceof Deployment d && d.getSpec() != null) {
            template = d.getSpec().getTemplate();
        } else if (object instanceof DaemonSet d && d.getSpec() != null) {
            template = d.getSpec().getTemplate();
        } else if (object instanceof ReplicaSet r && r.getSpec() != null) {
            template = r.getSpec().getTemplate();
        } else if (object instanceof Job j && j.getSpec() != null) {
            template = j.getSpec().getTemplate();
        } else if (object instanceof CronJob c
                && c.getSpec() != null
                && c.getSpec().getJobTemplate() != null
                && c.getSpec().getJobTemplate().getSpec() != null) {
            template = c.getSpec().getJobTemplate().getSpec().getTemplate();
            path = "spec.jobTemplate.spec.template";
        }
        if (template == null) {
            return Optional.empty();
        }
        return Optional.of(new PodTemplate(template.getMetadata(), template.getSpec(), path + ".spec"));
    }
}
