package vn.congvu.ministry.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.grpc.TransportSecurity;
import vn.congvu.trust.NodeCredentials;
import vn.congvu.trust.ProvinceCertificates;

/**
 * The ministry server's transport security, from its settings: mutual TLS with its own key and certificate and
 * the province check, or plaintext only when said explicitly and only on a loopback address.
 *
 * @param security  what the server listens with
 * @param provinces the check of province certificates, or {@code null} in plaintext
 */
record MinistryTls(TransportSecurity security, ProvinceCertificates provinces) {

    private static final Logger LOG = LoggerFactory.getLogger(MinistryTls.class);

    /**
     * @param config the ministry's settings
     * @return its transport security
     * @throws IllegalArgumentException naming the settings that are missing or not allowed
     * @throws GeneralSecurityException naming the file that cannot be used
     */
    static MinistryTls from(MinistryServer.Config config) throws GeneralSecurityException {
        if (config.plaintext()) {
            if (!TransportSecurity.isLoopback(config.host())) {
                throw new IllegalArgumentException("plaintext = true is allowed only on a loopback address (127.0.0.1, ::1, "
                        + "localhost), not on host = " + config.host() + ": provinces' reports must not cross a network "
                        + "unencrypted and unauthenticated. Set plaintext = false and the tls.* files (README, Security)");
            }
            LOG.warn("PLAINTEXT: the ministry listens without TLS on {} and believes whatever a caller says; for a "
                    + "developer's own machine only", config.host());
            return new MinistryTls(TransportSecurity.plaintext(), null);
        }
        List<String> missing = new ArrayList<>();
        require(config.tls_key(), "tls.key", missing);
        require(config.tls_certificate(), "tls.certificate", missing);
        require(config.tls_authority(), "tls.authority", missing);
        require(config.tls_crl(), "tls.crl", missing);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("mutual TLS needs " + String.join(", ", missing)
                    + " in etc/vn.congvu.ministry.cfg (see the README, Security); plaintext = true only on a loopback address");
        }
        Clock clock = Clock.systemUTC();
        NodeCredentials credentials = NodeCredentials.load(Path.of(config.tls_key()), Path.of(config.tls_certificate()), clock);
        ProvinceCertificates provinces = ProvinceCertificates.load(Path.of(config.tls_authority()), Path.of(config.tls_crl()), clock);
        return new MinistryTls(TransportSecurity.mutualTls(credentials, provinces, credentials::refresh), provinces);
    }

    private static void require(String value, String key, List<String> missing) {
        if (value == null || value.isBlank()) {
            missing.add(key);
        }
    }
}
