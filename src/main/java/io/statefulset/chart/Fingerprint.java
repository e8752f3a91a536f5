package io.statefulset.chart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A SHA-256 over named parts (configuration text, file contents), for the up-to-date checks: a
 * goal whose inputs hash to what its last successful run recorded has nothing to do.
 */
public final class Fingerprint {
    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Fingerprint start() {
        return new Fingerprint();
    }

    public Fingerprint add(String name, String value) {
        return add(name, (value == null ? "\u0000null" : value).getBytes(StandardCharsets.UTF_8));
    }

    public Fingerprint add(String name, byte[] value) {
        // Length-prefixed, so that ("ab","c") and ("a","bc") differ.
        part(name.getBytes(StandardCharsets.UTF_8));
        part(value);
        return this;
    }

    /**
     * Every file below {@code directory} by relative path, in sorted order, read as {@link ChartTree}
     * reads a chart (no links out of it, no devices or FIFOs, bounded sizes); or, for a regular file
     * (a values file, a packaged chart), its content, up to {@link ChartLimits#MAX_TOTAL_BYTES}.
     */
    public Fingerprint addTree(String name, Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return add(name, "\u0000absent");
        }
        if (!Files.isDirectory(directory)) {
            return add(
                    name,
                    BoundedRead.file(
                            directory,
                            ChartLimits.MAX_TOTAL_BYTES,
                            "no input of a chart is larger; is this the file you meant?"));
        }
        ChartTree tree = ChartTree.of(directory);
        for (ChartTree.Entry file : tree.files()) {
            add(name + "/" + file.name(), tree.read(file));
        }
        return this;
    }

    /**
     * The fingerprint of everything below a directory written by an earlier run; empty when it is
     * gone, or when someone put a link or a device into it: then it is not what that run wrote, and
     * the next write replaces it as a whole.
     */
    public static Optional<String> ofDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try {
            return Optional.of(start().addTree("tree", directory).hex());
        } catch (RefusedInputException e) {
            return Optional.empty();
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void part(byte[] bytes) {
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The SHA-256 of a file, as sha256sum prints it; read in pieces, so any size costs the same memory. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                md.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
