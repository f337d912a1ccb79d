package vn.congvu.uplink.internal;

import io.grpc.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A failed call told in plain words when TLS is the cause: the ministry refused this node's certificate (its TLS
 * alert says why: revoked, expired, none sent, not accepted), or this node did not accept the ministry's. An
 * operator reads "the ministry refused this node's certificate: it is revoked" rather than an OpenSSL error code.
 */
final class TlsTrouble {

    private record Alert(String marker, String meaning) {
    }

    /** BoringSSL's and the JDK's names of the alerts a ministry sends when it refuses a client certificate. */
    private static final List<Alert> ALERTS = List.of(
            new Alert("CERTIFICATE_REVOKED", "it is revoked"),
            new Alert("CERTIFICATE_EXPIRED", "it has expired (or is not valid yet)"),
            new Alert("CERTIFICATE_REQUIRED", "this node sent none"),
            new Alert("UNKNOWN_CA", "it was not issued by the ministry's CA"),
            new Alert("BAD_CERTIFICATE", "it is not a province certificate the ministry accepts"),
            new Alert("UNSUPPORTED_CERTIFICATE", "it is not a client certificate"),
            new Alert("CERTIFICATE_UNKNOWN", "it is not a province certificate the ministry accepts"),
            new Alert("HANDSHAKE_FAILURE", "the TLS handshake failed (no certificate sent, or none acceptable)"),
            new Alert("INTERNAL_ERROR", "it is not a province certificate the ministry accepts"));

    private TlsTrouble() {
    }

    /**
     * @param status a failed call's status
     * @return what went wrong with TLS, if TLS is the cause
     */
    static Optional<String> explain(Status status) {
        String chain = causes(status.getCause());
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        String upper = chain.toUpperCase(Locale.ROOT);
        if (upper.contains("ALERT")) {
            for (Alert alert : ALERTS) {
                if (upper.contains(alert.marker())) {
                    return Optional.of("the ministry refused this node's certificate: " + alert.meaning()
                            + "; the ministry's log says more. Install a certificate the ministry's CA issued for this "
                            + "province in etc/tls (README, \"Security\")");
                }
            }
        }
        if (upper.contains("CERTIFICATE") && (upper.contains("CERTIFICATEEXCEPTION") || upper.contains("SSLHANDSHAKEEXCEPTION")
                || upper.contains("PKIX") || upper.contains("NOT THE MINISTRY'S"))) {
            return Optional.of("this node does not accept the ministry's certificate: " + lastMessage(status.getCause())
                    + ". Check ministry.host and etc/tls/ca.crt.pem (README, \"Security\")");
        }
        return Optional.empty();
    }

    private static String causes(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable next = cause; next != null && text.length() < 4_000; next = next.getCause()) {
            text.append(next.getClass().getSimpleName()).append(": ").append(next.getMessage()).append(" | ");
            if (next.getCause() == next) {
                break;
            }
        }
        return text.toString();
    }

    /** The deepest message: where the certificate check said what it found wrong. */
    private static String lastMessage(Throwable cause) {
        String message = null;
        for (Throwable next = cause; next != null; next = next.getCause() == next ? null : next.getCause()) {
            if (next.getMessage() != null) {
                message = next.getMessage();
            }
        }
        return message;
    }
}
