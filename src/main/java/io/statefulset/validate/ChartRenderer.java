package io.statefulset.validate;

import java.nio.file.Path;
import java.util.List;

/** What validation needs from Helm; the Helm adapter implements it, tests may too. */
public interface ChartRenderer {

    /** {@code helm lint --strict}: messages such as {@code [WARNING] templates/x.yaml: …}. */
    List<String> lint(Path chart) throws RenderException, RenderStoppedException;

    /** {@code helm template} with hooks, for {@code release} and the given values files (in order). */
    String render(Path chart, String release, List<Path> valuesFiles) throws RenderException, RenderStoppedException;

    /** Helm refused to lint or render; the message is Helm's. */
    class RenderException extends Exception {
        public RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Helm was stopped at a limit (its deadline, its memory, the output size) or ended on its own:
     * not a finding about the chart but a reason to stop validating it.
     */
    class RenderStoppedException extends Exception {
        public RenderStoppedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
