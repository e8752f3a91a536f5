package io.statefulset.chart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Text input (values files, manifest streams, Chart.yaml) decoded strictly as UTF-8, the encoding
 * Helm and Kubernetes read YAML in. A byte that is not UTF-8 is reported with its offset instead of
 * being replaced or failing with the decoder's bare {@code Input length = 1}.
 */
public final class Utf8Text {
    private Utf8Text() {}

    /** {@code bytes} as text; {@code name} says where they came from in the message when they are not UTF-8. */
    public static String decode(byte[] bytes, String name) throws RefusedInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new RefusedInputException(String.format(
                    "%s is not UTF-8 text: the byte 0x%02X at offset %d does not belong to a UTF-8 character;"
                            + " save the file as UTF-8",
                    name, bytes[offset] & 0xff, offset));
        }
        return out.flip().toString();
    }

    /**
     * The content of {@code file} as text, refused above {@code limit} bytes (counted while reading)
     * with {@code advice}, or when it is not UTF-8.
     */
    public static String read(Path file, long limit, String advice) throws IOException {
        return decode(BoundedRead.file(file, limit, advice), file.toString());
    }

    /** A values file ({@code -f}): UTF-8 text of at most {@link ChartLimits#MAX_FILE_BYTES}. */
    public static String readValuesFile(Path file) throws IOException {
        return read(
                file,
                ChartLimits.MAX_FILE_BYTES,
                "a values file is far smaller; split it, or keep data out of values and in the application");
    }
}
