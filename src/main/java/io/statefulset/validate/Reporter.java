package io.statefulset.validate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Collects the findings of one rule, filling in its id, severity and fix. */
public interface Reporter {
    /** {@code object} at {@code path} breaks the rule; {@code message} says how. */
    void report(HasMetadata object, String path, String message);

    /** As {@link #report(HasMetadata, String, String)}, with a fix specific to this finding. */
    void report(HasMetadata object, String path, String message, String fix);

    /** A finding about the whole chart or stream rather than one object. */
    void reportGlobal(String message);

    /** Everything reported so far. */
    List<Finding> findings();
}
