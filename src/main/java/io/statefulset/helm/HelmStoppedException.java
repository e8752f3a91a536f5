package io.statefulset.helm;

/**
 * Helm was stopped before it answered (a deadline, the memory or output limit) or its process
 * ended on its own. Nothing of the call is used; the build fails rather than retrying.
 */
public class HelmStoppedException extends HelmException {
    public HelmStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
