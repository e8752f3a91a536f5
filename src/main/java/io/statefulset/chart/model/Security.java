package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.integer;
import static io.statefulset.chart.JsonSchema.mapOf;
import static io.statefulset.chart.JsonSchema.schema;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.of;
import static io.statefulset.chart.model.Given.or;
import static io.statefulset.chart.model.ValueSchemas.props;

import io.statefulset.chart.ValuesTree.Builder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pods run as ({@code <securityContext>}) and the rest of the Pod Security Standard
 * "restricted" that the chart fixes: a read-only root filesystem with a writable {@code /tmp}, no
 * privilege escalation, no capabilities, no API token.
 */
public final class Security {
    /** A non-root UID/GID outside the range distributions give to system users. */
    static final long DEFAULT_ID = 10001;
    /** The highest UID or GID the API server accepts (an int32). */
    static final long MAX_ID = Integer.MAX_VALUE;

    /** The scratch volume mounted at {@link #TMP_PATH}, so the root filesystem can stay read-only. */
    static final String TMP_VOLUME = "tmp";

    static final String TMP_PATH = "/tmp";

    private final long runAsUser;
    private final long runAsGroup;
    private final long fsGroup;

    private Security(RawConfiguration.SecurityContext raw) {
        runAsUser = or(of(raw, RawConfiguration.SecurityContext::runAsUser), DEFAULT_ID);
        runAsGroup = or(of(raw, RawConfiguration.SecurityContext::runAsGroup), DEFAULT_ID);
        fsGroup = or(of(raw, RawConfiguration.SecurityContext::fsGroup), DEFAULT_ID);
    }

    static Security resolve(RawConfiguration raw, Problems problems) {
        Security security = new Security(raw.securityContext());
        security.check(problems);
        return security;
    }

    /**
     * The chart fixes {@code runAsNonRoot: true}, so UID 0 is a pod that never starts: the kubelet
     * refuses the container (CreateContainerConfigError), and Pod Security Admission "restricted"
     * refuses {@code runAsUser: 0} outright (Kubernetes 1.23+).
     *
     * <p>Group 0 is allowed on purpose. The Pod Security Standards check {@code runAsNonRoot} and
     * {@code runAsUser} only; Pod Security Admission has no check on {@code runAsGroup}, {@code
     * fsGroup} or supplemental groups (the optional "non-root groups" control of the first draft of
     * the standards was dropped). GID 0 is also how images built for arbitrary UIDs (OpenShift's
     * {@code chgrp 0}, {@code chmod g=u} convention) let the process write their files.
     */
    private void check(Problems problems) {
        if (runAsUser == 0) {
            problems.error(
                    "<securityContext><runAsUser>",
                    "0",
                    "is root, but the pods run with runAsNonRoot: true, so the kubelet never starts them;"
                            + " use a non-zero UID such as " + DEFAULT_ID);
        } else if (runAsUser < 0 || runAsUser > MAX_ID) {
            problems.error(
                    "<securityContext><runAsUser>",
                    String.valueOf(runAsUser),
                    "must be a UID from 1 to " + MAX_ID + ", e.g. " + DEFAULT_ID);
        }
        for (var group : List.of(
                Map.entry("<securityContext><runAsGroup>", runAsGroup),
                Map.entry("<securityContext><fsGroup>", fsGroup))) {
            if (group.getValue() < 0 || group.getValue() > MAX_ID) {
                problems.error(
                        group.getKey(),
                        String.valueOf(group.getValue()),
                        "must be a GID from 0 to " + MAX_ID + ", e.g. " + DEFAULT_ID);
            }
        }
    }

    /** The security contexts, the {@code /tmp} volume and the ServiceAccount. */
    void values(Builder values) {
        values.leaf(
                        "podSecurityContext",
                        "Pod security context; the default meets the Pod Security Standard 'restricted'",
                        props(
                                "runAsNonRoot",
                                true,
                                "runAsUser",
                                runAsUser,
                                "runAsGroup",
                                runAsGroup,
                                "fsGroup",
                                fsGroup,
                                // Changing ownership of a large volume on every start is slow; only fix it when it is
                                // wrong.
                                "fsGroupChangePolicy",
                                "OnRootMismatch",
                                "seccompProfile",
                                props("type", "RuntimeDefault")),
                        securityContextSchema("runAsUser", "runAsGroup", "fsGroup"))
                .leaf(
                        "containerSecurityContext",
                        "Container security context; the default meets the Pod Security Standard 'restricted'",
                        props(
                                "allowPrivilegeEscalation", false,
                                "readOnlyRootFilesystem", true,
                                "runAsNonRoot", true,
                                "capabilities", props("drop", List.of("ALL")),
                                "seccompProfile", props("type", "RuntimeDefault")),
                        securityContextSchema("runAsUser", "runAsGroup"))
                .section(
                        "tmpVolume",
                        "A writable emptyDir at /tmp, so the root filesystem can stay read-only",
                        tmp -> tmp.leaf("enabled", "Mount the /tmp volume", true, bool())
                                .leaf(
                                        "sizeLimit",
                                        "Upper bound of the /tmp volume",
                                        "64Mi",
                                        string(ValueSchemas.QUANTITY)))
                // The pods get no API token unless the application needs one.
                .section(
                        "serviceAccount",
                        "The pods' ServiceAccount",
                        account -> account.leaf("create", "Create a ServiceAccount for this release", true, bool())
                                .leaf(
                                        "name",
                                        "Name of the ServiceAccount; empty means <fullname> when created, 'default' otherwise",
                                        "",
                                        string())
                                .leaf(
                                        "annotations",
                                        "Annotations of the ServiceAccount",
                                        Map.of(),
                                        mapOf(ValueSchemas.SCALAR))
                                .leaf(
                                        "automountToken",
                                        "Mount an API token into the pods; only needed if the application talks to Kubernetes",
                                        false,
                                        bool()));
    }

    /**
     * A security context passed through to Kubernetes, with its user and group IDs typed as the API
     * server types them. UID 0 next to runAsNonRoot: true is refused by the validation template,
     * which sees the pod's and the container's context together.
     */
    private static Map<String, Object> securityContextSchema(String... ids) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String id : ids) {
            properties.put(id, integer(0, Integer.MAX_VALUE));
        }
        properties.put("runAsNonRoot", bool());
        return schema("type", "object", "properties", properties);
    }

    public long runAsUser() {
        return runAsUser;
    }

    public long runAsGroup() {
        return runAsGroup;
    }

    public long fsGroup() {
        return fsGroup;
    }
}
