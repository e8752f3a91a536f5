package io.statefulset.helm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of another process. Linux tells through {@code /proc}; elsewhere the answer
 * is "unknown" (-1) and only the deadline bounds a worker.
 */
final class MemoryProbe {
    private MemoryProbe() {}

    static long residentBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try (InputStream in = Files.newInputStream(status)) {
            // The status file is a few kilobytes; read no more than that.
            String text = new String(in.readNBytes(16 * 1024), StandardCharsets.US_ASCII);
            for (String line : text.split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process has just ended, or the format is not Linux's
        }
        return -1;
    }
}
