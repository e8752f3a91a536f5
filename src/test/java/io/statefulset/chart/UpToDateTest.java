package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record gives back exactly the lines it was given, for exactly the inputs it was given. */
class UpToDateTest {
    @TempDir
    Path state;

    @Test
    void linesComeBackAsWrittenWhateverTheyHold() throws Exception {
        UpToDate record = new UpToDate(state, "generate", "demo");
        List<String> lines = List.of("two\nlines", "carriage\rreturn", "back\\slash", "not a break: \\n", "");
        record.remember("abc", lines);

        assertThat(record.recorded("abc")).contains(lines);
        assertThat(record.recorded("abd")).isEmpty();
    }

    @Test
    void isCurrentOnlyForTheSameInputsAndOutput() throws Exception {
        UpToDate record = new UpToDate(state, "package", "demo");
        record.remember("inputs", "output");

        assertThat(record.isCurrent("inputs", Optional.of("output"))).isTrue();
        assertThat(record.isCurrent("inputs", Optional.of("other"))).isFalse();
        assertThat(record.isCurrent("other", Optional.of("output"))).isFalse();
        assertThat(record.isCurrent("inputs", Optional.empty())).isFalse();
        record.forget();
        assertThat(record.isCurrent("inputs", Optional.of("output"))).isFalse();
    }

    /** A record is the build's own file, but a damaged or swollen one is read as "not current", never as an error. */
    @Test
    void aDamagedOrOversizedRecordIsNotCurrent() throws Exception {
        UpToDate record = new UpToDate(state, "generate", "demo");
        record.remember("abc", List.of("line"));
        Path file = state.resolve("up-to-date/generate-demo.sha256");

        java.nio.file.Files.write(file, new byte[] {'i', 'n', (byte) 0xff, '\n'});
        assertThat(record.recorded("abc")).isEmpty();

        try (var out = java.nio.file.Files.newOutputStream(file)) {
            out.write("inputs abc\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(new byte[2 * 1024 * 1024]);
        }
        assertThat(record.recorded("abc")).isEmpty();
    }
}
