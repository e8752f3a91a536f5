package io.statefulset.helm;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames that pass between the build and a Helm worker process over its stdin and stdout: a
 * request is an operation with string arguments, a response a status with a payload. Every frame
 * is length-prefixed and its length is checked against a limit before a byte of it is read.
 */
final class WorkerProtocol {
    /** Requests are a chart path and a few options; anything larger is not ours. */
    static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private WorkerProtocol() {}

    /** An operation ({@code lint}, {@code template}, …) and its arguments; list arguments repeat a key. */
    record Request(String op, List<Map.Entry<String, String>> args) {
        Request {
            args = List.copyOf(args);
        }

        static Builder of(String op) {
            return new Builder(op);
        }

        String get(String key) {
            for (Map.Entry<String, String> arg : args) {
                if (arg.getKey().equals(key)) {
                    return arg.getValue();
                }
            }
            return null;
        }

        List<String> all(String key) {
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, String> arg : args) {
                if (arg.getKey().equals(key)) {
                    values.add(arg.getValue());
                }
            }
            return values;
        }

        /** The arguments as a map whose values are the '\0'-joined repeats, for cache keys. */
        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            args.forEach(a -> map.merge(a.getKey(), a.getValue(), (x, y) -> x + '\0' + y));
            return Collections.unmodifiableMap(map);
        }

        /** Never prints argument values: a push request carries a password. */
        @Override
        public String toString() {
            return "Request[" + op + "]";
        }

        static final class Builder {
            private final String op;
            private final List<Map.Entry<String, String>> args = new ArrayList<>();

            private Builder(String op) {
                this.op = op;
            }

            Builder arg(String key, Object value) {
                if (value != null) {
                    args.add(Map.entry(key, value.toString()));
                }
                return this;
            }

            Request build() {
                return new Request(op, args);
            }
        }
    }

    /** How a request ended. */
    enum Status {
        /** Helm did what was asked; the payload is its output. */
        OK,
        /** Helm refused; the payload is its message. */
        HELM_ERROR,
        /** The output passed the limit the request set; the payload says by how much. */
        TOO_LARGE,
        /** The worker cannot serve requests at all (no Helm native for the platform); the payload says why. */
        UNAVAILABLE
    }

    record Response(Status status, String payload) {}

    static void write(OutputStream out, Request request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        writeString(data, request.op());
        data.writeInt(request.args().size());
        for (Map.Entry<String, String> arg : request.args()) {
            writeString(data, arg.getKey());
            writeString(data, arg.getValue());
        }
        frame(out, bytes.toByteArray());
    }

    /** The next request, or {@code null} at the end of the stream (the build has gone). */
    static Request readRequest(InputStream in) throws IOException {
        byte[] frame = readFrame(in, MAX_REQUEST_BYTES);
        if (frame == null) {
            return null;
        }
        DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(frame));
        Request.Builder builder = Request.of(readString(data));
        int count = data.readInt();
        for (int i = 0; i < count; i++) {
            builder.arg(readString(data), readString(data));
        }
        return builder.build();
    }

    static void write(OutputStream out, Response response) throws IOException {
        byte[] payload = response.payload().getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[payload.length + 1];
        frame[0] = (byte) response.status().ordinal();
        System.arraycopy(payload, 0, frame, 1, payload.length);
        frame(out, frame);
    }

    /**
     * The next response; a frame above {@code limit} bytes is refused from its length alone, before
     * its payload is read.
     */
    static Response readResponse(InputStream in, long limit) throws IOException {
        byte[] frame = readFrame(in, limit + 1);
        if (frame == null || frame.length == 0) {
            throw new EOFException("the Helm worker ended without answering");
        }
        Status[] statuses = Status.values();
        int status = frame[0];
        if (status < 0 || status >= statuses.length) {
            throw new IOException("the Helm worker answered with an unknown status " + status);
        }
        return new Response(statuses[status], new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8));
    }

    /** A frame's length was above the limit the reader set. */
    static final class FrameTooLargeException extends IOException {
        final long length;

        FrameTooLargeException(long length, long limit) {
            super("a frame of " + length + " bytes, more than the " + limit + " accepted");
            this.length = length;
        }
    }

    private static void frame(OutputStream out, byte[] frame) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(frame.length);
        data.write(frame);
        data.flush();
    }

    private static byte[] readFrame(InputStream in, long limit) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int first = data.read();
        if (first < 0) {
            return null;
        }
        int length = (first << 24)
                | (data.readUnsignedByte() << 16)
                | (data.readUnsignedByte() << 8)
                | data.readUnsignedByte();
        if (length < 0 || length > limit) {
            throw new FrameTooLargeException(length & 0xFFFFFFFFL, limit);
        }
        byte[] frame = new byte[length];
        data.readFully(frame);
        return frame;
    }

    private static void writeString(DataOutputStream data, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static String readString(DataInputStream data) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > MAX_REQUEST_BYTES) {
            throw new IOException("a string of " + length + " bytes in a request");
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
