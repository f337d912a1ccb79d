package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

/** The uplink's transport settings: plaintext never leaves the machine, and mutual TLS names its missing files. */
class MinistryChannelsTest {

    private record Settings(String ministry_host, boolean plaintext, String tls_key) implements MinistryChannels.Config {
        @Override
        public int ministry_port() {
            return 7443;
        }

        @Override
        public String tls_certificate() {
            return "";
        }

        @Override
        public String tls_authority() {
            return "";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return MinistryChannels.Config.class;
        }
    }

    @Test
    void plaintext_toAMinistryOnAnotherMachine_isRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new MinistryChannels(new Settings("192.0.2.10", true, ""), null));

        assertTrue(refused.getMessage().contains("loopback") && refused.getMessage().contains("192.0.2.10"), refused.getMessage());
    }

    @Test
    void mutualTls_withoutItsFiles_namesTheMissingSettings() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new MinistryChannels(new Settings("ministry.example", false, "/srv/tls/node.key.pem"), null));

        assertTrue(refused.getMessage().contains("tls.certificate, tls.authority") && !refused.getMessage().contains("tls.key"),
                refused.getMessage());
    }
}
