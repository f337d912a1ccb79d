package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The uplink's transport settings: plaintext never leaves the machine, and mutual TLS names its missing files. */
class MinistryChannelsTest {

    private static UplinkSettings settings(String host, boolean plaintext, String key) {
        return TestSettings.uplink(Map.of("ministry_host", host, "ministry_port", 7443, "plaintext", plaintext, "tls_key", key));
    }

    @Test
    void plaintext_toAMinistryOnAnotherMachine_isRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new MinistryChannels(settings("192.0.2.10", true, ""), null));

        assertTrue(refused.getMessage().contains("loopback") && refused.getMessage().contains("192.0.2.10"), refused.getMessage());
    }

    @Test
    void mutualTls_withoutItsFiles_namesTheMissingSettings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new MinistryChannels(settings("ministry.example", false, "/srv/tls/node.key.pem"), null));

        assertTrue(refused.getMessage().contains("tls.certificate, tls.authority") && !refused.getMessage().contains("tls.key"),
                refused.getMessage());
    }
}
