package io.statefulset.validate;

/** A rendered manifest stream could not be read; the message says which document and why. */
public class ManifestException extends Exception {
    public ManifestException(String message) {
        super(message);
    }
}
