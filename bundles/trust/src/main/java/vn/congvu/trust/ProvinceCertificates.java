package vn.congvu.trust;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.trust.internal.Authority;
import vn.congvu.trust.internal.LogBudget;

/**
 * The ministry's check of a province node's certificate, at the TLS handshake and again on every call (a
 * connection outlives a revocation or an expiry). A certificate is accepted when the JDK's PKIX check passes
 * against the ministry's certificate authority (signature, dates, key usage, and extended key usage clientAuth:
 * a server certificate cannot stand in for a province's), it is not on the authority's revocation list (read
 * again whenever its file changes), and it names exactly one province ({@link NodeIdentity}).
 */
public final class ProvinceCertificates extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceCertificates.class);

    /** Refusals logged one by one per minute; anyone who can reach the port can cause one. */
    private static final int REFUSALS_LOGGED_PER_MINUTE = 20;

    private final Authority authority;
    private final Clock clock;
    private final LogBudget refusals;

    private ProvinceCertificates(Authority authority, Clock clock) {
        this.authority = authority;
        this.clock = clock;
        this.refusals = new LogBudget(REFUSALS_LOGGED_PER_MINUTE, clock);
    }

    /**
     * @param authorityFile the ministry's CA certificate (PEM)
     * @param crlFile       the CA's revocation list (PEM)
     * @param clock         the time certificates are checked at, on every call
     * @return the check
     * @throws GeneralSecurityException naming the file and what is wrong
     */
    public static ProvinceCertificates load(Path authorityFile, Path crlFile, Clock clock) throws GeneralSecurityException {
        return new ProvinceCertificates(Authority.load(authorityFile, crlFile, clock), clock);
    }

    /**
     * The check made on every call over a connection whose handshake passed.
     *
     * @param certificate the province's certificate, as presented at the handshake
     * @return why it is no longer accepted (revoked since, or expired), if it is not
     */
    public Optional<String> problemNow(X509Certificate certificate) {
        try {
            checkNow(certificate);
            return Optional.empty();
        } catch (CertificateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Revoked or expired, as exceptions of the JDK's own types, so that a TLS stack answers with the matching
     * alert (certificate_revoked, certificate_expired) rather than a generic one.
     */
    private void checkNow(X509Certificate certificate) throws CertificateException {
        Optional<X509CRLEntry> revoked = authority.revocation(certificate);
        if (revoked.isPresent()) {
            X509CRLEntry entry = revoked.get();
            String text = "certificate " + NodeIdentity.describe(certificate) + " was revoked on "
                    + entry.getRevocationDate().toInstant() + (entry.getRevocationReason() == null ? ""
                    : " (" + entry.getRevocationReason().name() + ")");
            throw new Revoked(entry, authority.crlIssuer(), text);
        }
        Instant now = clock.instant();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CertificateExpiredException("certificate " + NodeIdentity.describe(certificate) + " expired on "
                    + certificate.getNotAfter().toInstant());
        }
    }

    /**
     * @param certificate a certificate accepted at the handshake
     * @return the province it names
     * @throws CertificateException if it names no province (the handshake would have refused it)
     */
    public static String provinceOf(X509Certificate certificate) throws CertificateException {
        NodeIdentity identity = NodeIdentity.of(certificate);
        if (identity.isMinistry()) {
            throw new CertificateException("certificate " + NodeIdentity.describe(certificate)
                    + " is the ministry's, not a province's");
        }
        return identity.provinceCode();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, () -> authority.pkix().checkClientTrusted(chain, authType, engine),
                engine == null || engine.getPeerHost() == null ? "" : " at " + engine.getPeerHost() + ":" + engine.getPeerPort());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, () -> authority.pkix().checkClientTrusted(chain, authType, socket),
                socket == null ? "" : " at " + socket.getRemoteSocketAddress());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> authority.pkix().checkClientTrusted(chain, authType), "");
    }

    private interface PkixCheck {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] chain, PkixCheck pkix, String peer) throws CertificateException {
        try {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no client certificate");
            }
            try {
                pkix.run();
            } catch (CertificateException e) {
                throw new CertificateException("certificate " + NodeIdentity.describe(chain[0])
                        + " is not accepted by the ministry's certificate authority: " + e.getMessage(), e);
            }
            provinceOf(chain[0]);
            checkNow(chain[0]);
        } catch (CertificateException e) {
            LogBudget.Allowance allowance = refusals.next();
            if (allowance.log()) {
                LOG.warn("Refused a TLS client{}: {}{}", peer, e.getMessage(), allowance.heldBefore() == 0 ? ""
                        : " (and " + allowance.heldBefore() + " more refusals in the minute before, not logged one by one)");
            }
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the ministry checks province certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the ministry checks province certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the ministry checks province certificates only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authority.certificates();
    }

    /** The JDK's revocation exception, with congvu's message (serial, subject, date, reason). */
    private static final class Revoked extends CertificateRevokedException {
        private static final long serialVersionUID = 1L;
        private final String text;

        Revoked(X509CRLEntry entry, javax.security.auth.x500.X500Principal issuer, String text) {
            super(entry.getRevocationDate(), entry.getRevocationReason() == null ? CRLReason.UNSPECIFIED
                    : entry.getRevocationReason(), issuer, Map.of());
            this.text = text;
        }

        @Override
        public String getMessage() {
            return text;
        }
    }
}
