package vn.congvu.trust.pki;

import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import vn.congvu.trust.NodeIdentity;

/**
 * A certificate the CA issued, as its records show it.
 *
 * @param serial           its serial number
 * @param kind             {@value #PROVINCE} or {@value #MINISTRY}
 * @param identity         the node it names
 * @param subject          its subject, RFC 2253
 * @param hosts            the DNS names and IP addresses a ministry certificate is valid for; empty for a province
 * @param notBefore        when it becomes valid
 * @param notAfter         when it expires
 * @param revokedAt        when it was revoked, or {@code null} if it was not
 * @param revocationReason why it was revoked, or {@code null} if it was not
 */
public record IssuedCertificate(BigInteger serial, String kind, NodeIdentity identity, String subject,
        List<String> hosts, Instant notBefore, Instant notAfter, Instant revokedAt, String revocationReason) {

    /** The kind of a province's client certificate. */
    public static final String PROVINCE = "province";
    /** The kind of the ministry's server certificate. */
    public static final String MINISTRY = "ministry";

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    /** @throws IllegalArgumentException if a value is missing or the kind is unknown */
    public IssuedCertificate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!PROVINCE.equals(kind) && !MINISTRY.equals(kind)) {
            throw new IllegalArgumentException("a certificate's kind is province or ministry, not " + kind);
        }
        hosts = List.copyOf(hosts);
    }

    /** @return whether the certificate was revoked */
    public boolean revoked() {
        return revokedAt != null;
    }

    /**
     * @param now the instant to count from
     * @return whole days from {@code now} until it expires, rounded down: 0 on its last day, negative once expired
     */
    public long daysLeft(Instant now) {
        return Math.floorDiv(notAfter.getEpochSecond() - now.getEpochSecond(), SECONDS_PER_DAY);
    }

    /** @return the serial number in lower-case hex, as in the CA's {@code issued/} folder and in openssl's output */
    public String serialHex() {
        return serial.toString(16);
    }

    /** Reads a certificate the CA issued, with its revocation if there is one. */
    static IssuedCertificate of(X509Certificate certificate, RevocationLog.Revocation revocation)
            throws CertificateException {
        NodeIdentity identity = NodeIdentity.of(certificate);
        return new IssuedCertificate(certificate.getSerialNumber(), identity.isMinistry() ? MINISTRY : PROVINCE,
                identity, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253), hosts(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                revocation == null ? null : revocation.at(), revocation == null ? null : revocation.reason());
    }

    private static List<String> hosts(X509Certificate certificate) throws CertificateParsingException {
        List<String> hosts = new ArrayList<>();
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        for (List<?> name : names == null ? List.<List<?>>of() : names) {
            Object type = name.get(0);
            if ((Integer.valueOf(SAN_DNS).equals(type) || Integer.valueOf(SAN_IP).equals(type))
                    && name.get(1) instanceof String host) {
                hosts.add(host);
            }
        }
        return hosts;
    }
}
