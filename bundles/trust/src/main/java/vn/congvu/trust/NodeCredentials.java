package vn.congvu.trust;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.trust.internal.FileStamp;

/**
 * A node's own key and certificate, read from two PEM files and read again when either file changes, so
 * that a certificate is rotated by writing the new files: no restart, and no connection refused meanwhile.
 * A new pair is taken only once the key and the certificate match (an operator writes one file, then the
 * other); until then the old pair stays in use. A certificate within {@value #WARN_DAYS} days of its end is
 * warned about in the log whenever it is read.
 *
 * <p>As a TLS key manager it offers its one certificate whatever the peer asks for: the peer's trust manager
 * decides.
 */
public final class NodeCredentials extends X509ExtendedKeyManager {

    /** Certificates ending within this many days are warned about. */
    public static final int WARN_DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(NodeCredentials.class);
    private static final String ALIAS = "node";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** A certificate near its end is warned about again this often, for a node that runs for months. */
    private static final Duration WARN_AGAIN = Duration.ofDays(1);

    private final Path keyFile;
    private final Path certificateFile;
    private final Clock clock;
    private volatile Pair current;
    /** The pair before the last rotation: a handshake that chose it before the rotation still completes with it. */
    private volatile Pair previous;
    private volatile long generation;
    private FileStamp keyStamp;
    private FileStamp certificateStamp;
    private Instant nextCheck;
    private boolean mismatchReported;
    private Instant lastDescribed;

    private record Pair(PrivateKey key, X509Certificate[] chain, String alias) {
    }

    private NodeCredentials(Path keyFile, Path certificateFile, Clock clock, Pair first) {
        this.keyFile = keyFile;
        this.certificateFile = certificateFile;
        this.clock = clock;
        this.current = first;
        this.keyStamp = FileStamp.of(keyFile);
        this.certificateStamp = FileStamp.of(certificateFile);
        this.nextCheck = clock.instant().plus(CHECK_EVERY);
        this.lastDescribed = clock.instant();
    }

    /**
     * Reads a node's key and certificate.
     *
     * @param keyFile         the private key (PEM, PKCS#8 or the forms openssl writes)
     * @param certificateFile the certificate, optionally followed by its chain (PEM)
     * @param clock           for the expiry warning
     * @return the credentials
     * @throws GeneralSecurityException naming the file and what is wrong, when a file cannot be read or the key
     *                                  does not belong to the certificate
     */
    public static NodeCredentials load(Path keyFile, Path certificateFile, Clock clock) throws GeneralSecurityException {
        Pair pair = read(keyFile, certificateFile, 0);
        NodeCredentials credentials = new NodeCredentials(keyFile, certificateFile, clock, pair);
        credentials.describe("Using");
        return credentials;
    }

    /** @return the certificate presented now */
    public X509Certificate certificate() {
        return current.chain()[0];
    }

    /**
     * Reads the files again if they changed since the last look (at most once a second).
     *
     * @return a number that moves whenever a new certificate was taken
     */
    public long refresh() {
        synchronized (this) {
            Instant now = clock.instant();
            if (now.isBefore(nextCheck)) {
                return generation;
            }
            nextCheck = now.plus(CHECK_EVERY);
            if (now.isAfter(lastDescribed.plus(WARN_AGAIN)) && now.plus(Duration.ofDays(WARN_DAYS))
                    .isAfter(certificate().getNotAfter().toInstant())) {
                describe("Still using");
            }
            FileStamp key = FileStamp.of(keyFile);
            FileStamp certificate = FileStamp.of(certificateFile);
            if (key.equals(keyStamp) && certificate.equals(certificateStamp)) {
                return generation;
            }
            try {
                Pair next = read(keyFile, certificateFile, generation + 1);
                keyStamp = key;
                certificateStamp = certificate;
                mismatchReported = false;
                if (!next.chain()[0].equals(current.chain()[0])) {
                    previous = current;
                    current = next;
                    generation++;
                    describe("Now using");
                }
            } catch (GeneralSecurityException e) {
                // half of a rotation (a new certificate, the old key) or a file being written: the old pair serves
                if (!mismatchReported) {
                    LOG.warn("Keeping certificate {}: {}", NodeIdentity.describe(certificate()), e.getMessage());
                    mismatchReported = true;
                }
            }
            return generation;
        }
    }

    private void describe(String verb) {
        lastDescribed = clock.instant();
        X509Certificate certificate = certificate();
        Instant end = certificate.getNotAfter().toInstant();
        long days = Duration.between(clock.instant(), end).toDays();
        if (clock.instant().isAfter(end)) {
            LOG.error("{} certificate {} from {}: it EXPIRED on {}; the other side refuses it. Install a new one",
                    verb, NodeIdentity.describe(certificate), certificateFile, end);
        } else if (days <= WARN_DAYS) {
            LOG.warn("{} certificate {} from {}: it expires in {} days ({}); have a new one issued", verb,
                    NodeIdentity.describe(certificate), certificateFile, days, end);
        } else {
            LOG.info("{} certificate {} from {}, valid until {}", verb, NodeIdentity.describe(certificate), certificateFile, end);
        }
    }

    private static Pair read(Path keyFile, Path certificateFile, long generation) throws GeneralSecurityException {
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = Pem.readCertificates(certificateFile);
            key = Pem.readPrivateKey(keyFile);
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certificateFile + " holds no certificate");
        }
        if (!matches(key, chain.get(0))) {
            throw new GeneralSecurityException("the key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + " (" + NodeIdentity.describe(chain.get(0)) + ")");
        }
        return new Pair(key, chain.toArray(X509Certificate[]::new), ALIAS + "-" + generation);
    }

    /** Signs a probe with the key and verifies it with the certificate: the one check that fits every key type. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("keys of type " + key.getAlgorithm() + " are not supported");
        };
        byte[] probe = "congvu key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(certificate.getPublicKey());
        } catch (java.security.InvalidKeyException e) {
            return false;
        }
        verifier.update(probe);
        return verifier.verify(signature);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {current.alias()};
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        refresh();
        return current.alias();
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        refresh();
        return current.alias();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {current.alias()};
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        refresh();
        return current.alias();
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        refresh();
        return current.alias();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Pair pair = pair(alias);
        return pair == null ? null : pair.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Pair pair = pair(alias);
        return pair == null ? null : pair.key();
    }

    /** The pair a handshake chose, by its alias, so that its key and certificate always belong together. */
    private Pair pair(String alias) {
        Pair now = current;
        if (now.alias().equals(alias)) {
            return now;
        }
        Pair before = previous;
        return before != null && before.alias().equals(alias) ? before : null;
    }
}
