package io.statefulset.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Reads that stop at a limit, counted in the bytes that arrive rather than in a size told beforehand. */
final class BoundedRead {
    private BoundedRead() {}

    /**
     * The content of {@code file}, a regular file (a link to one is followed: the file was named by
     * the user, not found inside a chart), refused above {@code limit} bytes. What is not a regular
     * file is never opened, so a FIFO cannot block the build.
     */
    static byte[] file(Path file, long limit, String advice) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new RefusedInputException(file + " is " + FileKind.of(file) + ", not a regular file; name a file");
        }
        if (attributes.size() > limit) {
            throw tooLarge(file.toString(), limit, advice);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return stream(in, limit, file.toString(), advice);
        }
    }

    /** All of {@code in}, refused as soon as more than {@code limit} bytes arrived. */
    static byte[] stream(InputStream in, long limit, String name, String advice) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                throw tooLarge(name, limit, advice);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** "{@code name} holds more than 16 MiB, the most …", followed by {@code advice}. */
    static RefusedInputException tooLarge(String name, long limit, String advice) {
        return new RefusedInputException(
                name + " holds more than " + ChartLimits.size(limit) + ", the most read from such a file; " + advice);
    }
}
