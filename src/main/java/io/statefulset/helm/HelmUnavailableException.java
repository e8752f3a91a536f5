package io.statefulset.helm;

/** No Helm native library for this platform is on the classpath; nothing is downloaded instead. */
public final class HelmUnavailableException extends HelmException {
    public HelmUnavailableException(String message) {
        super(message, null);
    }
}
