package vn.congvu.trust;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
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
import vn.congvu.trust.internal.KeyPairs;

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
        warnIfOthersCanRead(keyFile);
        return credentials;
    }

    private static void warnIfOthersCanRead(Path keyFile) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions = java.nio.file.Files.getPosixFilePermissions(keyFile);
            if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                    || permission.name().startsWith("OTHERS"))) {
                LOG.warn("The private key {} can be read by other users ({}): chmod 600 it", keyFile,
                        java.nio.file.attribute.PosixFilePermissions.toString(permissions));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to say
        }
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
                requireSuccessor(next.chain()[0], now);
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
                    LOG.warn("Keeping certificate {} (the files will be read again when they change): {}",
                            NodeIdentity.describe(certificate()), e.getMessage());
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

    /**
     * A new certificate replaces the one in use only if it is the same node's and valid now: a wrong file
     * dropped in by mistake must not take a working node off the federation.
     */
    private void requireSuccessor(X509Certificate next, Instant now) throws GeneralSecurityException {
        NodeIdentity was = NodeIdentity.of(certificate());
        NodeIdentity is = NodeIdentity.of(next);
        if (!was.equals(is)) {
            throw new GeneralSecurityException("the new certificate " + NodeIdentity.describe(next) + " in " + certificateFile
                    + " is for " + is + ", not " + was);
        }
        if (now.isBefore(next.getNotBefore().toInstant()) || now.isAfter(next.getNotAfter().toInstant())) {
            throw new GeneralSecurityException("the new certificate " + NodeIdentity.describe(next) + " in " + certificateFile
                    + " is valid only from " + next.getNotBefore().toInstant() + " to " + next.getNotAfter().toInstant());
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
        if (!KeyPairs.match(key, chain.get(0))) {
            throw new GeneralSecurityException("the key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile + " (" + NodeIdentity.describe(chain.get(0)) + ")");
        }
        return new Pair(key, chain.toArray(X509Certificate[]::new), ALIAS + "-" + generation);
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
