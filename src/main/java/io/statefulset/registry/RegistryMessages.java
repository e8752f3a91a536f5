package io.statefulset.registry;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what the JDK's HTTP client or Helm's Go code says about a failed registry call into a
 * sentence that names the URL, what went wrong and the setting that fixes it.
 */
public final class RegistryMessages {
    private static final String PLAIN_HTTP_HINT =
            "; if the registry speaks plain HTTP, set <plainHttp>true</plainHttp> (-Dstatefulset.plainHttp=true)";
    private static final String CA_HINT = "; give the CA that signed it with <caFile> (-Dstatefulset.caFile=…), or"
            + " for a test registry only <insecureSkipTlsVerify>true</insecureSkipTlsVerify>";

    private RegistryMessages() {}

    /** A failure of the JDK client talking to {@code where} (a base URL such as https://host:port). */
    public static String explain(Throwable failure, String where, boolean plainHttp) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "the host of " + where + " is unknown (no DNS entry); check the registry URL";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "nothing answered at " + where + " (the connection attempt timed out); check the registry URL"
                        + " and that the registry is reachable from here";
            }
            if (t instanceof ConnectException) {
                return "nothing answered at " + where + " (connection refused); check the registry URL and that the"
                        + " registry is running";
            }
            if (t instanceof SSLException ssl) {
                return tls(ssl.getMessage(), where, plainHttp);
            }
            if (t instanceof HttpTimeoutException) {
                return "the registry at " + where + " stopped answering (" + t.getMessage() + ")";
            }
        }
        String message = failure.getMessage();
        if (message != null && message.contains("EOF reached")) {
            return "the registry at " + where + " closed the connection without answering";
        }
        return "the call to " + where + " failed: "
                + (message == null ? failure.getClass().getSimpleName() : message);
    }

    /** A message of Helm (Go) about {@code remote}, with the hint that applies to it, if any. */
    public static String explain(String helmMessage, URI remote, boolean plainHttp) {
        String lower = helmMessage.toLowerCase(Locale.ROOT);
        String where = remote.getHost() + (remote.getPort() > 0 ? ":" + remote.getPort() : "");
        if (lower.contains("connection refused")) {
            return "nothing answered at " + where + " (connection refused); check the registry URL and that the"
                    + " registry is running (Helm said: " + helmMessage + ")";
        }
        if (lower.contains("no such host")) {
            return "the host " + remote.getHost() + " is unknown (Helm said: " + helmMessage + ")";
        }
        if (lower.contains("server gave http response to https client")) {
            return helmMessage + PLAIN_HTTP_HINT;
        }
        if (lower.contains("x509") || lower.contains("certificate")) {
            return helmMessage + CA_HINT;
        }
        if (plainHttp && lower.contains("malformed http response")) {
            return helmMessage + "; the registry speaks TLS: remove <plainHttp>";
        }
        return helmMessage;
    }

    private static String tls(String message, String where, boolean plainHttp) {
        String text = message == null ? "" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("unrecognized ssl message")
                || lower.contains("plaintext")
                || lower.contains("unsupported or unrecognized")
                || lower.contains("remote host terminated the handshake")) {
            return "the registry at " + where + " does not speak TLS (" + text + ")" + PLAIN_HTTP_HINT;
        }
        if (lower.contains("pkix") || lower.contains("certificate")) {
            return "the registry at " + where + " has a certificate this build does not trust (" + text + ")" + CA_HINT;
        }
        return "TLS with " + where + " failed (" + text + ")" + (plainHttp ? "" : PLAIN_HTTP_HINT) + CA_HINT;
    }

    /** An {@link IOException} whose message is already one of the sentences above. */
    public static final class RegistryUnreachableException extends IOException {
        public RegistryUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
