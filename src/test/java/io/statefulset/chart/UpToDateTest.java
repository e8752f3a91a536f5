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
}
