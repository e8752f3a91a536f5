package io.statefulset.chart.model;

import static io.statefulset.chart.JsonSchema.bool;
import static io.statefulset.chart.JsonSchema.string;
import static io.statefulset.chart.model.Given.blank;
import static io.statefulset.chart.model.Given.of;

import io.statefulset.chart.ChartTree;
import io.statefulset.chart.KubernetesSyntax;
import io.statefulset.chart.RefusedInputException;
import io.statefulset.chart.ValuesTree.Builder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Configuration files ({@code <configFiles>}): every file of a directory becomes one key of the
 * ConfigMap {@code <fullname>-config}, mounted read-only in the application container. The files
 * travel in the chart as data ({@code files/config/}), never as templates, so their bytes reach the
 * pod exactly as written; a {@code checksum/config} pod annotation over them rolls the pods when one
 * changes.
 */
public final class ConfigFiles {
    /** The volume of the pod that holds the files; a claim may not take its name. */
    public static final String VOLUME = "config-files";
    /** Where the chart keeps the files: {@code <key>.data} for UTF-8 text, {@code <key>.binaryData} for the rest. */
    public static final String CHART_DIRECTORY = "files/config/";

    public static final String TEXT_SUFFIX = ".data";
    public static final String BINARY_SUFFIX = ".binaryData";
    /** What the API server accepts in one ConfigMap, data and binaryData together. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final String DIRECTORY = "<configFiles><directory>";
    private static final String MOUNT_PATH = "<configFiles><mountPath>";

    private final boolean given;
    private final Path directory;
    private final String mountPath;
    private final SortedMap<String, byte[]> files;

    private ConfigFiles(RawConfiguration raw, Persistence persistence, Problems problems) {
        RawConfiguration.ConfigFiles config = raw.configFiles();
        given = config != null;
        directory = of(config, RawConfiguration.ConfigFiles::directory);
        mountPath = of(config, RawConfiguration.ConfigFiles::mountPath);
        SortedMap<String, byte[]> read = new TreeMap<>();
        if (given) {
            if (directory == null) {
                problems.error(
                        DIRECTORY,
                        null,
                        "is required; give the directory whose files become the ConfigMap, e.g. src/main/k8s/config");
            } else {
                read(directory, read, problems);
            }
            checkMountPath(persistence, problems);
        }
        files = Collections.unmodifiableSortedMap(read);
    }

    static ConfigFiles resolve(RawConfiguration raw, Persistence persistence, Problems problems) {
        return new ConfigFiles(raw, persistence, problems);
    }

    /**
     * The files of {@code directory}, read by the chart's own rules (no link out of it, no devices or
     * FIFOs, bounded sizes), each checked as a ConfigMap key.
     */
    private static void read(Path directory, SortedMap<String, byte[]> files, Problems problems) {
        String value = directory.toString();
        long total = 0;
        try {
            ChartTree tree = ChartTree.of(directory, "the config files directory");
            for (ChartTree.Entry file : tree.files()) {
                String name = file.name();
                if (name.contains("/")) {
                    problems.error(
                            DIRECTORY,
                            value,
                            "holds " + name + " in a subdirectory; every file becomes one ConfigMap key named after"
                                    + " it, so put the files directly into the directory");
                } else if (!KubernetesSyntax.isConfigKey(name) || name.equals(".") || name.equals("..")) {
                    problems.error(
                            DIRECTORY,
                            value,
                            "holds the file '" + name + "', whose name is not a ConfigMap key; rename it using"
                                    + " letters, digits, '-', '_' and '.' only (at most 253 characters)");
                } else {
                    byte[] content = tree.read(file);
                    total += content.length;
                    files.put(name, content);
                }
            }
        } catch (NoSuchFileException e) {
            problems.error(
                    DIRECTORY,
                    value,
                    "does not exist; create it, or correct the path (a relative path starts at the project's directory)");
            return;
        } catch (RefusedInputException e) {
            problems.error(DIRECTORY, value, e.getMessage());
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DIRECTORY + " " + value + ": " + e.getMessage(), e);
        }
        if (total > MAX_BYTES) {
            problems.error(
                    DIRECTORY,
                    value,
                    String.format(
                            "holds %,d bytes in %d files, more than the 1 MiB (%,d bytes) one ConfigMap holds; keep"
                                    + " large files in the image or on a volume",
                            total, files.size(), MAX_BYTES));
        } else if (files.isEmpty()) {
            problems.warning(
                    DIRECTORY,
                    value,
                    "holds no files, so the ConfigMap is empty; add the files, or remove <configFiles>");
        }
    }

    private void checkMountPath(Persistence persistence, Problems problems) {
        if (blank(mountPath)) {
            problems.error(
                    MOUNT_PATH,
                    mountPath,
                    "is required; give the absolute path where the application reads the files, e.g. /etc/app");
        } else if (!mountPath.startsWith("/")
                || mountPath.equals("/")
                || !Path.of(mountPath).normalize().toString().equals(mountPath)
                || mountPath.contains(":")) {
            problems.error(
                    MOUNT_PATH,
                    mountPath,
                    "is not an absolute path; give a normalised absolute path without '..', '.', ':' or a trailing '/',"
                            + " e.g. /etc/app");
        } else if (mountPath.equals(Security.TMP_PATH)) {
            problems.error(
                    MOUNT_PATH,
                    mountPath,
                    "is already used by another volume (the chart's /tmp); give the files their own path");
        } else {
            persistence.claims().stream()
                    .filter(claim -> mountPath.equals(claim.mountPath()))
                    .findFirst()
                    .ifPresent(claim -> problems.error(
                            MOUNT_PATH,
                            mountPath,
                            "is already used by another volume (the claim " + claim.name()
                                    + "); give the files their own path"));
        }
    }

    /** {@code configFiles}. */
    void values(Builder values) {
        values.section(
                "configFiles",
                "The files of <configFiles><directory>, one key each of the ConfigMap <fullname>-config, mounted"
                        + " read-only in the application container; a checksum of them rolls the pods when one changes",
                config -> config.leaf("enabled", "Create and mount the ConfigMap", given, bool())
                        .leaf(
                                "mountPath",
                                "Where the application container sees the files",
                                mountPath == null ? "" : mountPath,
                                string("^$|" + ValueSchemas.ABSOLUTE_PATH))
                        .leaf(
                                "existingConfigMap",
                                "Mount this existing ConfigMap instead of the chart's own (its changes do not roll the pods)",
                                "",
                                string("^$|^" + KubernetesSyntax.DNS_LABEL + "(\\." + KubernetesSyntax.DNS_LABEL
                                        + ")*$")));
    }

    /** Whether {@code <configFiles>} was given. */
    public boolean enabled() {
        return given;
    }

    public String mountPath() {
        return mountPath;
    }

    /** The ConfigMap's keys, sorted. */
    public Set<String> keys() {
        return files.keySet();
    }

    /** The files as the chart holds them: path in the chart to content, byte for byte as read. */
    public SortedMap<String, byte[]> chartFiles() {
        SortedMap<String, byte[]> chart = new TreeMap<>();
        files.forEach((key, content) ->
                chart.put(CHART_DIRECTORY + key + (isUtf8(content) ? TEXT_SUFFIX : BINARY_SUFFIX), content.clone()));
        return chart;
    }

    static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
