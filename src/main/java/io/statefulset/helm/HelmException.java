package io.statefulset.helm;

/** Helm refused a chart or a command; the message is Helm's own. */
public class HelmException extends Exception {
    public HelmException(String message, Throwable cause) {
        super(message, cause);
    }
}
