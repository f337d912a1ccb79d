package vn.congvu.trust.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import vn.congvu.trust.NodeIdentity;
import vn.congvu.trust.Pem;

/**
 * The ministry's certificate authority: a folder of PEM files that issues province client certificates and the
 * ministry's server certificate, revokes them and signs the certificate revocation list (CRL).
 *
 * <p>The folder holds:
 * <ul>
 * <li>{@code ca.key.pem}: the CA's private key (PKCS#8, ECDSA P-256, mode 0600); keep the folder offline</li>
 * <li>{@code ca.crt.pem}: the CA's self-signed certificate, which every node trusts</li>
 * <li>{@code crl.pem}: the current CRL, to copy to the ministry's {@code etc/tls/crl.pem}</li>
 * <li>{@code issued/<serial hex>.crt.pem}: every certificate issued, recorded before it is handed out</li>
 * <li>{@code revoked.tsv}: serial (hex), revocation instant (ISO-8601) and reason, tab-separated, UTF-8</li>
 * <li>{@code ca.lock}: locked during every change, so two runs of the tool never interleave</li>
 * </ul>
 * Every file is replaced atomically ({@link Pem#writeAtomically}), so a crash never leaves one half-written.
 *
 * <p>Issuing writes into a node's folder {@value #NODE_KEY}, {@value #NODE_CERTIFICATE}, {@value #CA_CERTIFICATE}
 * and {@value #CRL}, replacing what was there: the key first, since a node reloads the pair when the files change
 * and keeps its old pair until key and certificate match. An instance is opened once per program; its changes are
 * serialised within the program and, through {@code ca.lock}, with other programs.
 */
public final class CertificateAuthority {

    /** A node's private key in its TLS folder. */
    public static final String NODE_KEY = "node.key.pem";
    /** A node's own certificate in its TLS folder (the leaf only). */
    public static final String NODE_CERTIFICATE = "node.crt.pem";
    /** The CA certificate, both in the CA's folder and in a node's TLS folder. */
    public static final String CA_CERTIFICATE = CaFolder.CERTIFICATE;
    /** The CRL, both in the CA's folder and in the ministry's TLS folder. */
    public static final String CRL = CaFolder.CRL;
    /** The CA's common name when none is given. */
    public static final String DEFAULT_NAME = "congvu ministry CA";
    /** The CA's organisation. */
    public static final String MINISTRY_ORGANISATION = "Bộ Nội vụ";
    /** How far a certificate is back-dated, so a node whose clock runs a little behind accepts it at once. */
    static final Duration BACKDATE = Duration.ofHours(1);

    private final CaFolder folder;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;
    private final CertificateMaker maker;
    private final CrlPublisher crls;
    /** Serialises this program's changes; {@code ca.lock} serialises programs. */
    private final Object changes = new Object();

    private CertificateAuthority(CaFolder folder, CaCredentials credentials, Clock clock, SecureRandom random) {
        this.folder = folder;
        this.key = credentials.key();
        this.certificate = credentials.certificate();
        this.clock = clock;
        this.maker = new CertificateMaker(random);
        this.crls = new CrlPublisher(folder, this.certificate, this.key, clock);
    }

    /**
     * Creates a CA in a folder, with an empty CRL.
     *
     * @param folder   the folder, created if missing; it must not hold a CA already
     * @param name     the CA certificate's common name, such as {@value #DEFAULT_NAME}
     * @param validity how long the CA certificate is valid; every certificate it issues expires before it does
     * @return the new CA
     * @throws IOException              naming the folder when it already holds a CA or cannot be written
     * @throws IllegalArgumentException when the name or validity is unusable
     */
    public static CertificateAuthority create(Path folder, String name, Duration validity)
            throws IOException, GeneralSecurityException {
        return create(folder, name, validity, Clock.systemUTC());
    }

    static CertificateAuthority create(Path root, String name, Duration validity, Clock clock)
            throws IOException, GeneralSecurityException {
        requirePositive(validity, "a CA's validity");
        X500Name subject = CertificateMaker.caName(name, MINISTRY_ORGANISATION);
        CaFolder folder = new CaFolder(root);
        Files.createDirectories(folder.root());
        try (CaFolder.Lock held = folder.lock()) {
            SecureRandom random = new SecureRandom();
            Instant now = now(clock);
            CaCredentials credentials = CaCredentials.create(folder, subject, now.minus(BACKDATE), now.plus(validity),
                    new CertificateMaker(random));
            CertificateAuthority ca = new CertificateAuthority(folder, credentials, clock, random);
            ca.crls.publish(CrlPublisher.DEFAULT_VALIDITY);
            Files.createDirectories(folder.issuedFolder());
            return ca;
        }
    }

    /**
     * Opens an existing CA.
     *
     * @param folder the CA's folder
     * @return the CA
     * @throws IOException              naming the folder when it is not a CA folder or a file cannot be read
     * @throws GeneralSecurityException naming the file when the certificate is not a self-signed CA certificate or
     *                                  the key does not belong to it
     */
    public static CertificateAuthority open(Path folder) throws IOException, GeneralSecurityException {
        return open(folder, Clock.systemUTC());
    }

    static CertificateAuthority open(Path root, Clock clock) throws IOException, GeneralSecurityException {
        CaFolder folder = new CaFolder(root);
        SecureRandom random = new SecureRandom();
        return new CertificateAuthority(folder, CaCredentials.read(folder, random), clock, random);
    }

    /** Issues a province's client certificate valid from now (back-dated an hour) for {@code validity}. */
    public IssuedCertificate issueProvince(String code, Duration validity, Path outFolder)
            throws IOException, GeneralSecurityException {
        requirePositive(validity, "a certificate's validity");
        Instant now = now(clock);
        return issueProvince(code, now.minus(BACKDATE), now.plus(validity), outFolder);
    }

    /**
     * Issues a province's client certificate: {@code CN=congvu province <code>}, client authentication only, and
     * the province's SPIFFE ID ({@link NodeIdentity#uri()}) as its one subject alternative name.
     *
     * @param code      the province's two-digit code
     * @param notBefore when it becomes valid (any instant, so tests can make not-yet-valid certificates)
     * @param notAfter  when it expires (any instant after notBefore and no later than the CA's expiry)
     * @param outFolder the node's TLS folder, created if missing
     * @return what was issued
     * @throws IllegalArgumentException naming the code or dates when they are unusable
     * @throws IOException              naming the file that cannot be read or written
     * @throws GeneralSecurityException when the key or certificate cannot be made
     */
    public IssuedCertificate issueProvince(String code, Instant notBefore, Instant notAfter, Path outFolder)
            throws IOException, GeneralSecurityException {
        return issue(CertificateMaker.Profile.province(code), notBefore, notAfter, outFolder);
    }

    /**
     * Issues the ministry's server certificate: server authentication only, each host as a DNS name or IP address,
     * and the ministry's SPIFFE ID.
     *
     * @param hosts     the DNS names and IP literals provinces connect to; the first names the subject
     * @param validity  how long it is valid from now (back-dated an hour)
     * @param outFolder the ministry's TLS folder, created if missing
     * @return what was issued
     * @throws IllegalArgumentException naming the first host that is neither a DNS name nor an IP address
     * @throws IOException              naming the file that cannot be read or written
     * @throws GeneralSecurityException when the key or certificate cannot be made
     */
    public IssuedCertificate issueMinistry(List<String> hosts, Duration validity, Path outFolder)
            throws IOException, GeneralSecurityException {
        requirePositive(validity, "a certificate's validity");
        CertificateMaker.Profile profile = CertificateMaker.Profile.ministry(hosts);
        Instant now = now(clock);
        return issue(profile, now.minus(BACKDATE), now.plus(validity), outFolder);
    }

    /**
     * Revokes a certificate and re-signs {@code crl.pem}. Revoking a revoked certificate changes nothing and
     * returns it with its first revocation.
     *
     * @param serial the certificate's serial number
     * @param reason why, such as {@code keyCompromise}, {@code superseded}, {@code cessationOfOperation} (written
     *               as the CRL reason code) or any text (unspecified)
     * @return the certificate with its revocation
     * @throws IllegalArgumentException naming the serial when this CA issued no such certificate
     */
    public IssuedCertificate revoke(BigInteger serial, String reason) throws IOException, GeneralSecurityException {
        if (serial == null) {
            throw new IllegalArgumentException("name the serial number of the certificate to revoke");
        }
        synchronized (changes) {
            try (CaFolder.Lock held = folder.lock()) {
                Path issued = folder.issued(serial);
                if (!Files.isRegularFile(issued)) {
                    throw new IllegalArgumentException("this CA (" + folder + ") issued no certificate with serial "
                            + serial.toString(16) + "; congvu pki " + folder + " list shows the serials it issued");
                }
                X509Certificate revoked = Pem.readCertificates(issued).get(0);
                RevocationLog log = folder.revocations();
                RevocationLog.Revocation earlier = log.read().get(serial);
                if (earlier != null) {
                    // a crash between the two writes left the CRL behind the log: catch it up now
                    if (!Files.exists(folder.crl()) || crls.current().getRevokedCertificate(serial) == null) {
                        crls.publish();
                    }
                    return IssuedCertificate.of(revoked, earlier);
                }
                RevocationLog.Revocation revocation =
                        new RevocationLog.Revocation(serial, now(clock), RevocationLog.sanitise(reason));
                log.append(revocation);
                crls.publish();
                return IssuedCertificate.of(revoked, revocation);
            }
        }
    }

    /**
     * Re-signs {@code crl.pem} with the next CRL number, valid from now.
     *
     * @param nextUpdateIn when relying parties should expect the next CRL
     * @return the CRL file
     */
    public Path refreshCrl(Duration nextUpdateIn) throws IOException, GeneralSecurityException {
        requirePositive(nextUpdateIn, "a CRL's validity");
        synchronized (changes) {
            try (CaFolder.Lock held = folder.lock()) {
                crls.publish(nextUpdateIn);
                return folder.crl();
            }
        }
    }

    /** @return every certificate in {@code issued/}, with its revocation from {@code revoked.tsv}, oldest first */
    public List<IssuedCertificate> list() throws IOException, GeneralSecurityException {
        return folder.records();
    }

    /** @return the certificate this CA issued with this serial number, if it did */
    public Optional<IssuedCertificate> find(BigInteger serial) throws IOException, GeneralSecurityException {
        return folder.record(serial);
    }

    /** @return the CA's folder */
    public Path folder() {
        return folder.root();
    }

    /** @return {@code ca.crt.pem}, the certificate every node trusts */
    public Path certificateFile() {
        return folder.certificate();
    }

    /** @return {@code crl.pem}, the current certificate revocation list */
    public Path crlFile() {
        return folder.crl();
    }

    /** @return the CA's certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    private IssuedCertificate issue(CertificateMaker.Profile profile, Instant notBefore, Instant notAfter,
            Path outFolder) throws IOException, GeneralSecurityException {
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant until = notAfter.truncatedTo(ChronoUnit.SECONDS);
        CertificateMaker.requireWithin(from, until, certificate);
        Path out = outFolder.toAbsolutePath().normalize();
        if (out.equals(folder.root())) {
            throw new IllegalArgumentException("issue into a node's folder, not into the CA's own folder " + out);
        }
        synchronized (changes) {
            try (CaFolder.Lock held = folder.lock()) {
                X509CRL crl = crls.currentOrNew();
                KeyPair pair = maker.newKeyPair();
                BigInteger serial = maker.newSerial();
                while (Files.exists(folder.issued(serial))) {
                    serial = maker.newSerial();
                }
                X509Certificate issued = maker.endEntity(profile, serial, pair.getPublic(), from, until, certificate, key);
                // recorded before it is handed out, so every certificate in the world appears in list()
                Files.createDirectories(folder.issuedFolder());
                Pem.writeAtomically(folder.issued(serial), false, issued);
                NodeFiles.write(out, pair.getPrivate(), issued, certificate, crl);
                return IssuedCertificate.of(issued, null);
            }
        }
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + duration);
        }
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
