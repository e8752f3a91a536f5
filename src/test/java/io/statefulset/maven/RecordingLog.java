package io.statefulset.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Mojo log that keeps what a goal said, each line as {@code LEVEL message}. */
final class RecordingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("INFO " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("WARN " + content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("ERROR " + content);
    }

    /** Every line so far, one per line, for assertions on the whole. */
    String text() {
        return String.join("\n", lines);
    }
}
