package io.statefulset.chart.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The chart configuration as the user wrote it, before defaults and checks: what a build tool
 * hands to the core. Every getter returns {@code null} for an element that was not given; values
 * are as written (a pull policy is the string {@code IfNotPresent}, a wrong one is reported with the
 * element it came from). {@link ChartModel#resolve} turns it into the typed model.
 */
public interface RawConfiguration {

    Chart chart();

    Image image();

    Integer replicas();

    String podManagementPolicy();

    UpdateStrategy updateStrategy();

    Integer minReadySeconds();

    Integer revisionHistoryLimit();

    Integer terminationGracePeriodSeconds();

    List<? extends Port> ports();

    Service service();

    List<? extends VolumeClaimTemplate> volumeClaimTemplates();

    RetentionPolicy persistentVolumeClaimRetentionPolicy();

    /** Variables by name; a variable given without a value has the value {@code ""}. */
    Map<String, String> env();

    List<? extends SecretEnvVariable> secretEnv();

    /** As {@link #env()}, for variables whose {@code $(NAME)} references Kubernetes expands. */
    Map<String, String> expandedEnv();

    Map<String, String> podAnnotations();

    Map<String, String> podLabels();

    Resources resources();

    Probes probes();

    SecurityContext securityContext();

    List<? extends Hook> hooks();

    /** {@code <initContainers>}: containers that run to completion, in order, before the application starts. */
    List<? extends ExtraContainer> initContainers();

    /** {@code <sidecars>}: containers that run beside the application. */
    List<? extends ExtraContainer> sidecars();

    /** {@code <configFiles>}. */
    ConfigFiles configFiles();

    /** {@code <networkPolicy>}. */
    NetworkPolicy networkPolicy();

    /** {@code <metrics>}. */
    Metrics metrics();

    Boolean connectionTest();

    String connectionTestImage();

    List<String> imagePullSecrets();

    Map<String, String> nodeSelector();

    /** {@code soft}, {@code hard} or {@code none}. */
    String podAntiAffinity();

    /** The rollout strategy's name, e.g. {@code canary}. */
    String strategy();

    Integer canaryReplicas();

    Boolean canaryService();

    String activeSlot();

    Integer idleSlotReplicas();

    String recreateImage();

    /** {@code <chart>}: Chart.yaml metadata. */
    interface Chart {
        String name();

        String version();

        String appVersion();

        String description();

        String kubeVersion();

        String home();

        String icon();

        List<String> sources();

        List<? extends Maintainer> maintainers();

        List<String> keywords();
    }

    /** A chart maintainer. */
    interface Maintainer {
        String name();

        String email();

        String url();
    }

    /** {@code <image>}. */
    interface Image {
        String repository();

        String tag();

        String pullPolicy();
    }

    /** {@code <updateStrategy>}; {@code maxUnavailable} is a number or a percentage. */
    interface UpdateStrategy {
        String type();

        Integer partition();

        String maxUnavailable();
    }

    /** {@code <port>}. */
    interface Port {
        String name();

        Integer containerPort();

        String protocol();
    }

    /** {@code <service>}. */
    interface Service {
        Boolean enabled();

        String type();

        Integer port();

        String targetPort();

        Integer nodePort();
    }

    /** {@code <volumeClaimTemplate>}. */
    interface VolumeClaimTemplate {
        String name();

        String mountPath();

        String size();

        List<String> accessModes();

        String storageClassName();
    }

    /** {@code <persistentVolumeClaimRetentionPolicy>}. */
    interface RetentionPolicy {
        String whenDeleted();

        String whenScaled();
    }

    /** {@code <variable>} of {@code <secretEnv>}. */
    interface SecretEnvVariable {
        String name();

        String secretName();

        String key();

        Boolean optional();
    }

    /** {@code <resources>}: quantities by Kubernetes resource name ({@code cpu}, {@code memory}, {@code ephemeral-storage}). */
    interface Resources {
        Map<String, String> requests();

        Map<String, String> limits();
    }

    /** {@code <probes>}. */
    interface Probes {
        Probe readiness();

        Probe liveness();

        Probe startup();
    }

    /** One probe; {@code port} is a port name or a number. */
    interface Probe {
        String path();

        String port();

        Integer initialDelaySeconds();

        Integer periodSeconds();

        Integer timeoutSeconds();

        Integer failureThreshold();
    }

    /** {@code <securityContext>}. */
    interface SecurityContext {
        Long runAsUser();

        Long runAsGroup();

        Long fsGroup();
    }

    /** {@code <initContainer>} or {@code <sidecar>}: a container of the pod next to the application's. */
    interface ExtraContainer {
        String name();

        /** A whole image reference with its tag or digest, e.g. {@code registry.example/tools:1.4.2}. */
        String image();

        List<String> command();

        List<String> args();

        /** Variables by name, as {@link RawConfiguration#env()}. */
        Map<String, String> env();

        List<? extends ExtraPort> ports();

        Resources resources();
    }

    /** A {@code <port>} of a sidecar; {@code publish} adds it to the headless Service. */
    interface ExtraPort extends Port {
        Boolean publish();
    }

    /** {@code <configFiles>}: a directory whose files become one ConfigMap, and where it is mounted. */
    interface ConfigFiles {
        /** The directory, as the build tool resolved it (Maven: against the project's directory). */
        Path directory();

        String mountPath();
    }

    /** {@code <networkPolicy>}. */
    interface NetworkPolicy {
        Boolean enabled();
    }

    /** {@code <metrics>}: where Prometheus finds the metrics, and whether a ServiceMonitor tells it. */
    interface Metrics {
        /** The name of a container port of the application or a sidecar. */
        String port();

        String path();

        Boolean serviceMonitor();
    }

    /** {@code <hook>}. */
    interface Hook {
        String name();

        List<String> events();

        Integer weight();

        List<String> deletePolicies();

        String image();

        List<String> command();

        List<String> args();

        Integer backoffLimit();

        Integer activeDeadlineSeconds();

        Integer ttlSecondsAfterFinished();
    }
}
