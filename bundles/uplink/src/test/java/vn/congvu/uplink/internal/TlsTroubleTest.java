package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsTroubleTest {

    /** As grpc-java reports a handshake the ministry refused (BoringSSL's text, seen in MinistryTlsTest). */
    private static Status refusedWith(String alert) {
        return Status.UNAVAILABLE.withDescription("ssl exception").withCause(new IOException("decoder",
                new IOException("error:10000414:SSL routines:OPENSSL_internal:SSLV3_ALERT_" + alert)));
    }

    @Test
    void aMinistrysAlert_isToldInPlainWords() {
        assertTrue(TlsTrouble.explain(refusedWith("CERTIFICATE_REVOKED")).orElseThrow()
                .startsWith("the ministry refused this node's certificate: it is revoked"));
        assertTrue(TlsTrouble.explain(refusedWith("CERTIFICATE_EXPIRED")).orElseThrow().contains("expired"));
        assertTrue(TlsTrouble.explain(refusedWith("HANDSHAKE_FAILURE")).orElseThrow().contains("handshake failed"));
    }

    @Test
    void theMinistrysCertificateRefusedHere_namesWhatTheCheckFound() {
        Status withCause = Status.UNAVAILABLE.withCause(new IOException("handshake", new CertificateException(
                "No subject alternative names matching IP address 10.0.0.9 found")));
        String said = TlsTrouble.explain(withCause).orElseThrow();
        assertTrue(said.startsWith("this node does not accept the ministry's certificate: No subject alternative names"), said);
    }

    @Test
    void otherFailures_areLeftAsTheyAre() {
        assertEquals(Optional.empty(), TlsTrouble.explain(Status.UNAVAILABLE.withCause(
                new IOException("Connection refused: /127.0.0.1:7443"))));
        assertEquals(Optional.empty(), TlsTrouble.explain(Status.INVALID_ARGUMENT.withDescription("bad report")));
    }
}
