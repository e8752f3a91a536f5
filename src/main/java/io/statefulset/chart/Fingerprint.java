package io.statefulset.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

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

    /** Every file below {@code directory} (or the file itself), by relative path, in sorted order. */
    public Fingerprint addTree(String name, Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return add(name, "\u0000absent");
        }
        if (Files.isRegularFile(directory)) {
            return add(name, Files.readAllBytes(directory));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            add(name + "/" + directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void part(byte[] bytes) {
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The SHA-256 of a file, as sha256sum prints it. */
    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
