package vn.congvu.trust.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.trust.Pem;

/**
 * The ministry's certificate authority as a node sees it: its certificate (from a PEM file) and, where
 * revocation is checked, its certificate revocation list (from another). Both are read again when their files
 * change (a look at the files' size and time on every check: a new list takes effect at the next call,
 * without a restart). A list that does not
 * verify against the authority is never taken: the last good one stays, and the log says why.
 */
public final class Authority {

    private static final Logger LOG = LoggerFactory.getLogger(Authority.class);

    private final Path certificateFile;
    private final Path crlFile;
    private final Clock clock;
    private volatile State state;
    // read without the lock on every call: the common case (nothing changed) costs two stat calls, no lock
    private volatile FileStamp certificateStamp;
    private volatile FileStamp crlStamp;
    private volatile java.time.Instant nextCrlCheck = java.time.Instant.MIN;

    private record State(List<X509Certificate> certificates, X509ExtendedTrustManager pkix, X509CRL crl) {
    }

    private Authority(Path certificateFile, Path crlFile, Clock clock, State state) {
        this.certificateFile = certificateFile;
        this.crlFile = crlFile;
        this.clock = clock;
        this.state = state;
        this.certificateStamp = FileStamp.of(certificateFile);
        this.crlStamp = crlFile == null ? null : FileStamp.of(crlFile);
    }

    /**
     * @param certificateFile the authority's certificate (PEM; several for a change of authority)
     * @param crlFile         its revocation list (PEM), or {@code null} where revocation is not checked
     * @param clock           for the list's next-update warning
     * @return the authority
     * @throws GeneralSecurityException naming the file and what is wrong
     */
    public static Authority load(Path certificateFile, Path crlFile, Clock clock) throws GeneralSecurityException {
        List<X509Certificate> certificates = readCertificates(certificateFile);
        X509CRL crl = crlFile == null ? null : readCrl(crlFile, certificates);
        Authority authority = new Authority(certificateFile, crlFile, clock,
                new State(certificates, PkixTrust.over(certificates), crl));
        if (crl != null) {
            authority.describeCrl(crl);
        }
        return authority;
    }

    /** @return the JDK's PKIX check over the authority's certificate, as of the files now */
    public X509ExtendedTrustManager pkix() {
        refresh();
        return state.pkix();
    }

    /** @return the authority's certificates */
    public X509Certificate[] certificates() {
        return state.certificates().toArray(X509Certificate[]::new);
    }

    /**
     * @param certificate a certificate the authority issued
     * @return its entry in the current revocation list, if it is revoked
     */
    public Optional<X509CRLEntry> revocation(X509Certificate certificate) {
        refresh();
        X509CRL crl = state.crl();
        return crl == null ? Optional.empty() : Optional.ofNullable(crl.getRevokedCertificate(certificate));
    }

    /** @return who issued the current revocation list */
    public javax.security.auth.x500.X500Principal crlIssuer() {
        return state.crl() == null ? null : state.crl().getIssuerX500Principal();
    }

    private void refresh() {
        if (FileStamp.of(certificateFile).equals(certificateStamp)
                && (crlFile == null || FileStamp.of(crlFile).equals(crlStamp) && clock.instant().isBefore(nextCrlCheck))) {
            return;
        }
        synchronized (this) {
            FileStamp certificate = FileStamp.of(certificateFile);
            if (!certificate.equals(certificateStamp)) {
                // the authority changed: its list must be verified again against it
                takeAuthority();
                certificateStamp = certificate;
                crlStamp = null;
            }
            if (crlFile != null) {
                FileStamp crl = FileStamp.of(crlFile);
                if (!crl.equals(crlStamp)) {
                    takeCrl();
                    crlStamp = crl;
                } else if (clock.instant().isAfter(nextCrlCheck)) {
                    describeCrl(state.crl());
                }
            }
        }
    }

    private void takeAuthority() {
        try {
            List<X509Certificate> certificates = readCertificates(certificateFile);
            state = new State(certificates, PkixTrust.over(certificates), state.crl());
            LOG.info("Certificate authority {} read again", certificateFile);
        } catch (GeneralSecurityException e) {
            LOG.error("Keeping the certificate authority read before: {}", e.getMessage());
        }
    }

    private void takeCrl() {
        try {
            X509CRL list = readCrl(crlFile, state.certificates());
            BigInteger number = CrlNumbers.of(list);
            BigInteger current = state.crl() == null ? null : CrlNumbers.of(state.crl());
            if (current != null && number != null && number.compareTo(current) < 0) {
                throw new GeneralSecurityException("the revocation list " + crlFile + " is number " + number
                        + ", older than number " + current + " in use: an old copy would bring revoked certificates back");
            }
            state = new State(state.certificates(), state.pkix(), list);
            describeCrl(list);
        } catch (GeneralSecurityException e) {
            LOG.error("Keeping the revocation list read before: {}", e.getMessage());
        }
    }

    private void describeCrl(X509CRL crl) {
        // said again about once a day, so that a list past its next update is noticed by a ministry that runs on
        nextCrlCheck = clock.instant().plus(java.time.Duration.ofDays(1));
        int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        if (crl.getNextUpdate() != null && clock.instant().isAfter(crl.getNextUpdate().toInstant())) {
            LOG.warn("Revocation list {} ({} revoked) was due to be renewed on {}: run 'congvu pki CA_DIR crl' and copy "
                    + "crl.pem here", crlFile, revoked, crl.getNextUpdate().toInstant());
        } else {
            LOG.info("Revocation list {}: {} certificate(s) revoked, issued {}", crlFile, revoked, crl.getThisUpdate().toInstant());
        }
    }

    private static List<X509Certificate> readCertificates(Path file) throws GeneralSecurityException {
        try {
            return Pem.readCertificates(file);
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static X509CRL readCrl(Path file, List<X509Certificate> authorities) throws GeneralSecurityException {
        X509CRL crl;
        try {
            crl = Pem.readCrl(file);
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        for (X509Certificate authority : authorities) {
            if (authority.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(authority.getPublicKey());
                    return crl;
                } catch (GeneralSecurityException e) {
                    throw new GeneralSecurityException("the revocation list " + file + " is not signed by "
                            + authority.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
                }
            }
        }
        throw new GeneralSecurityException("the revocation list " + file + " was issued by "
                + crl.getIssuerX500Principal().getName() + ", not by the certificate authority trusted here");
    }
}
