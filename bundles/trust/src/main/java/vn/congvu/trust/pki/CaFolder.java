package vn.congvu.trust.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.congvu.trust.Pem;

/** Where a CA keeps its files (see {@link CertificateAuthority}), and the lock held while they change. */
final class CaFolder {

    static final String KEY = "ca.key.pem";
    static final String CERTIFICATE = "ca.crt.pem";
    static final String CRL = "crl.pem";
    static final String ISSUED = "issued";
    static final String REVOKED = "revoked.tsv";
    static final String LOCK = "ca.lock";
    private static final String ISSUED_SUFFIX = ".crt.pem";
    private static final Pattern ISSUED_NAME = Pattern.compile("[0-9a-f]+" + Pattern.quote(ISSUED_SUFFIX));

    private final Path root;

    CaFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path key() {
        return root.resolve(KEY);
    }

    Path certificate() {
        return root.resolve(CERTIFICATE);
    }

    Path crl() {
        return root.resolve(CRL);
    }

    Path issuedFolder() {
        return root.resolve(ISSUED);
    }

    Path issued(BigInteger serial) {
        return issuedFolder().resolve(serial.toString(16) + ISSUED_SUFFIX);
    }

    RevocationLog revocations() {
        return new RevocationLog(root.resolve(REVOKED));
    }

    /** The CA's lock, held until closed. */
    interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Takes the CA's lock, waiting while another program holds it, so that two runs of the tool never interleave
     * their changes. The operating system releases it if the program dies.
     *
     * @return the held lock; closing it releases it
     * @throws IOException naming the folder when the lock cannot be taken, or another thread of this program holds it
     */
    Lock lock() throws IOException {
        FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.lock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("the CA in " + root + " is being changed by another thread of this program; "
                    + "open a CA folder once per program", e);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot lock the CA in " + root + ": " + e.getMessage(), e);
        }
        return () -> {
            // closing the channel releases the lock with it
            try (channel) {
                lock.release();
            }
        };
    }

    /** @return every certificate in {@code issued/}, with its revocation from {@code revoked.tsv}, oldest first */
    List<IssuedCertificate> records() throws IOException, CertificateException {
        Map<BigInteger, RevocationLog.Revocation> revocations = revocations().read();
        List<IssuedCertificate> records = new ArrayList<>();
        if (!Files.isDirectory(issuedFolder())) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(issuedFolder())) {
            for (Path file : files) {
                // temporary files of an interrupted write start with a dot and are not records
                if (ISSUED_NAME.matcher(file.getFileName().toString()).matches()) {
                    X509Certificate certificate = Pem.readCertificates(file).get(0);
                    records.add(IssuedCertificate.of(certificate, revocations.get(certificate.getSerialNumber())));
                }
            }
        }
        records.sort(Comparator.comparing(IssuedCertificate::notBefore).thenComparing(IssuedCertificate::serial));
        return records;
    }

    /** @return the certificate issued with this serial number, with its revocation, if there is one */
    Optional<IssuedCertificate> record(BigInteger serial) throws IOException, CertificateException {
        Path file = issued(serial);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(IssuedCertificate.of(Pem.readCertificates(file).get(0), revocations().read().get(serial)));
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
