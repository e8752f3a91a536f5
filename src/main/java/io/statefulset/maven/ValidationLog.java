package io.statefulset.maven;

import io.statefulset.validate.Finding;
import io.statefulset.validate.ValidationRun;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** What {@code validate} tells the build: every finding at its own log level, a summary per input, the verdict. */
final class ValidationLog {
    private ValidationLog() {}

    /** Logs every finding and the summary of each input; fails when a finding reaches {@code failOn}. */
    static void report(Log log, ValidationRun.Outcome outcome, Path root, ValidationRun.Checks checks)
            throws MojoFailureException {
        for (ValidationRun.Report r : outcome.reports()) {
            boolean variants = r.report().variants().size() > 1;
            for (Finding f : r.report().findings()) {
                switch (f.severity()) {
                    case ERROR -> log.error(f.line(variants));
                    case WARNING -> log.warn(f.line(variants));
                    default -> log.info(f.line(variants));
                }
            }
            log.info("statefulset:validate " + root.relativize(r.input().toAbsolutePath()) + ": "
                    + r.report().summary());
        }
        log.info("Reports: " + outcome.json() + ", " + outcome.sarif());
        if (!outcome.failures().isEmpty()) {
            throw new MojoFailureException("statefulset:validate found problems at or above '"
                    + checks.config().failOn().label() + "' in " + String.join(", ", outcome.failures())
                    + ". Each is listed above with its fix; switch a rule off with"
                    + " <rules><rule><id>…</id><severity>off</severity></rule></rules> if it does not apply.");
        }
    }
}
