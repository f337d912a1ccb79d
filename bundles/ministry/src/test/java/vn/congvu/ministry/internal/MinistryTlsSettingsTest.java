package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ministry's transport settings: plaintext only on loopback, and mutual TLS only with all its files named. */
class MinistryTlsSettingsTest {

    private static MinistryServer.Config settings(String host, boolean plaintext, String key) {
        return new MinistrySettings(host, plaintext, key, "", "", "");
    }

    @Test
    void plaintext_isRefusedOnAnyAddressButLoopback() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MinistryTls.from(settings("0.0.0.0", true, "")));
        assertTrue(refused.getMessage().contains("loopback") && refused.getMessage().contains("0.0.0.0"), refused.getMessage());

        assertTrue(MinistryTls.from(settings("127.0.0.1", true, "")).security().isPlaintext());
        assertTrue(MinistryTls.from(settings("localhost", true, "")).security().isPlaintext());
    }

    @Test
    void mutualTls_withoutItsFiles_namesTheMissingSettings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MinistryTls.from(settings("0.0.0.0", false, "/srv/ministry/etc/tls/node.key.pem")));

        assertTrue(refused.getMessage().contains("tls.certificate, tls.authority, tls.crl")
                && !refused.getMessage().contains("tls.key"), refused.getMessage());
    }

    @Test
    void mutualTls_withAFileThatIsNotThere_namesTheFile() {
        MinistryServer.Config config = new MinistrySettings("0.0.0.0", false, "/nonexistent/node.key.pem",
                "/nonexistent/node.crt.pem", "/nonexistent/ca.crt.pem", "/nonexistent/crl.pem");
        Exception refused = assertThrows(Exception.class, () -> MinistryTls.from(config));
        assertTrue(refused.getMessage().contains("/nonexistent/node."), refused.getMessage());
    }
}
