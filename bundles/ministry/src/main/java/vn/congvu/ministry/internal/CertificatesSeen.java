package vn.congvu.ministry.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Province;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.NodeCertificate;
import vn.congvu.store.StoreException;
import vn.congvu.trust.NodeCredentials;
import vn.congvu.trust.NodeIdentity;

/**
 * The certificate each province node calls with: a new one (a rotation, a new node) is logged and kept in
 * the store, so that {@code congvu:nodes} shows each node's certificate and when it expires. The same
 * certificate seen again costs one map look-up.
 */
final class CertificatesSeen {

    private static final Logger LOG = LoggerFactory.getLogger(CertificatesSeen.class);

    private final MinistryStore store;
    private final Clock clock;
    private final Map<String, String> serialByProvince = new ConcurrentHashMap<>();
    /** When each province was last warned about, so that a certificate near its end is named once a day. */
    private final Map<String, Instant> warnedAt = new ConcurrentHashMap<>();

    CertificatesSeen(MinistryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void saw(String provinceCode, X509Certificate certificate) {
        String serial = certificate.getSerialNumber().toString(16);
        // every call passes here: the usual case (the same certificate as before) is one read, no write
        if (serial.equals(serialByProvince.get(provinceCode))) {
            warnIfEnding(provinceCode, certificate);
            return;
        }
        serialByProvince.put(provinceCode, serial);
        try {
            Instant now = clock.instant();
            if (store.recordCertificate(new NodeCertificate(provinceCode, serial, certificate.getSubjectX500Principal().getName(),
                    certificate.getNotAfter().toInstant(), now, now))) {
                LOG.info("{} ({}) now calls with certificate {}, valid until {}", name(provinceCode), provinceCode,
                        NodeIdentity.describe(certificate), certificate.getNotAfter().toInstant());
                warnedAt.remove(provinceCode);
            }
        } catch (StoreException e) {
            // not a reason to refuse the call: the next new certificate, or a restart, records it again
            serialByProvince.remove(provinceCode, serial);
            LOG.warn("Could not record the certificate of province {}: {}", provinceCode, e.getMessage());
        }
        warnIfEnding(provinceCode, certificate);
    }

    private void warnIfEnding(String provinceCode, X509Certificate certificate) {
        Instant now = clock.instant();
        long days = Duration.between(now, certificate.getNotAfter().toInstant()).toDays();
        if (days > NodeCredentials.WARN_DAYS) {
            return;
        }
        Instant last = warnedAt.get(provinceCode);
        if (last != null && now.isBefore(last.plus(Duration.ofDays(1)))) {
            return;
        }
        warnedAt.put(provinceCode, now);
        LOG.warn("{} ({}) calls with certificate {}, which expires in {} days ({}): issue a new one", name(provinceCode),
                provinceCode, NodeIdentity.describe(certificate), days, certificate.getNotAfter().toInstant());
    }

    private static String name(String provinceCode) {
        return Province.byCode(provinceCode).map(Province::name).orElse("?");
    }
}
