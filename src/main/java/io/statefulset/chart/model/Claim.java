package io.statefulset.chart.model;

import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.or;

import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.vocabulary.AccessMode;
import io.statefulset.chart.vocabulary.Vocabulary;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One entry of {@code <volumeClaimTemplates>}: a PersistentVolumeClaim per pod and where it is mounted. */
public final class Claim {
    static final String DEFAULT_SIZE = "1Gi";
    static final AccessMode DEFAULT_ACCESS_MODE = AccessMode.READ_WRITE_ONCE;

    private final String name;
    private final String mountPath;
    private final String size;
    /** As written, or the default; {@link #accessModes} holds those that are access modes. */
    private final List<String> accessModeNames;

    private final List<AccessMode> accessModes;
    private final String storageClassName;

    private Claim(RawConfiguration.VolumeClaimTemplate raw) {
        name = raw.name();
        mountPath = raw.mountPath();
        size = or(raw.size(), DEFAULT_SIZE);
        accessModeNames =
                Given.isEmpty(raw.accessModes()) ? List.of(DEFAULT_ACCESS_MODE.value()) : Given.list(raw.accessModes());
        accessModes = accessModeNames.stream()
                .map(mode -> Vocabulary.parse(AccessMode.class, mode))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        storageClassName = or(raw.storageClassName(), "");
    }

    /** A claim named {@code name} at {@code mountPath}, every other setting at its default. */
    static Claim withDefaults(String name, String mountPath) {
        return new Claim(new Prototype(name, mountPath));
    }

    /**
     * {@code raw}, the {@code index}th claim, with its defaults; {@code names} and {@code mountPaths}
     * hold those of the claims before it.
     */
    static Claim resolve(
            RawConfiguration.VolumeClaimTemplate raw,
            int index,
            Set<String> names,
            Set<String> mountPaths,
            Problems problems) {
        Claim claim = new Claim(raw);
        claim.check(
                Problems.item("<volumeClaimTemplates><volumeClaimTemplate", raw.name(), index),
                names,
                mountPaths,
                problems);
        return claim;
    }

    private void check(String at, Set<String> names, Set<String> mountPaths, Problems problems) {
        if (!KubernetesSyntax.isDnsLabel(name)) {
            problems.error(
                    at + "<name>",
                    name,
                    "is not a DNS-1123 label; use lowercase letters, digits and '-', e.g. data (PVCs are named <name>-<statefulset>-<ordinal>)");
        } else if (name.equals(Security.TMP_VOLUME) || name.equals(ConfigFiles.VOLUME)) {
            problems.error(at + "<name>", name, "is the name of a volume the chart adds itself; choose another name");
        } else if (!names.add(name)) {
            problems.error(at + "<name>", name, "is declared twice; claim template names must be unique");
        }
        if (blank(mountPath)) {
            problems.error(
                    at + "<mountPath>",
                    mountPath,
                    "is required; give the absolute path the container sees the volume at, e.g. /app/data");
        } else if (!mountPath.startsWith("/")) {
            problems.error(at + "<mountPath>", mountPath, "is relative; give an absolute path such as /" + mountPath);
        } else if (mountPath.equals("/")
                || !Path.of(mountPath).normalize().toString().equals(mountPath)
                || mountPath.contains(":")) {
            problems.error(
                    at + "<mountPath>",
                    mountPath,
                    "must be a normalised absolute path below / without '..', '.', ':' or a trailing '/', e.g. /app/data");
        } else if (!mountPaths.add(mountPath)) {
            problems.error(
                    at + "<mountPath>",
                    mountPath,
                    "is used by two claim templates; each volume needs its own mount path");
        } else if (mountPath.equals(Security.TMP_PATH)) {
            problems.error(
                    at + "<mountPath>", mountPath, "is where the chart mounts its scratch volume; choose another path");
        }
        var quantity = KubernetesSyntax.quantity(size);
        if (quantity.isEmpty()) {
            problems.error(
                    at + "<size>",
                    size,
                    "is not a Kubernetes quantity; use a number with an optional suffix, e.g. 1Gi, 500Mi or 10G");
        } else if (quantity.get().signum() <= 0) {
            problems.error(at + "<size>", size, "must be more than zero, e.g. 1Gi");
        }
        Set<AccessMode> seen = EnumSet.noneOf(AccessMode.class);
        for (String mode : accessModeNames) {
            var accessMode = problems.oneOf(at + "<accessModes><accessMode>", mode, AccessMode.class);
            if (accessMode.isPresent() && !seen.add(accessMode.get())) {
                problems.error(at + "<accessModes><accessMode>", mode, "is listed twice; list each access mode once");
            }
        }
        if (!storageClassName.isEmpty()
                && !storageClassName.equals("-")
                && !KubernetesSyntax.isDnsSubdomain(storageClassName)) {
            problems.error(
                    at + "<storageClassName>",
                    storageClassName,
                    "is not a StorageClass name; use lowercase letters, digits, '-' and '.', or '-' to turn dynamic provisioning off");
        }
    }

    /** A DNS label; the PVCs are named {@code <name>-<statefulset>-<ordinal>}. */
    public String name() {
        return name;
    }

    public String mountPath() {
        return mountPath;
    }

    /** A Kubernetes quantity, e.g. {@code 1Gi}. */
    public String size() {
        return size;
    }

    public List<AccessMode> accessModes() {
        return accessModes;
    }

    /** Empty for the cluster's default class, {@code -} for none (no dynamic provisioning). */
    public String storageClassName() {
        return storageClassName;
    }

    /** A claim that says only its name and mount path. */
    private record Prototype(String name, String mountPath) implements RawConfiguration.VolumeClaimTemplate {
        @Override
        public String size() {
            return null;
        }

        @Override
        public List<String> accessModes() {
            return null;
        }

        @Override
        public String storageClassName() {
            return null;
        }
    }
}
