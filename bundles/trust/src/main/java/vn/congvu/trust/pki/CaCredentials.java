package vn.congvu.trust.pki;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import vn.congvu.trust.Pem;
import vn.congvu.trust.internal.KeyPairs;

/**
 * The CA's key and certificate, read from its folder and checked to be a pair before anything is signed with them.
 *
 * @param key         the CA's private key
 * @param certificate the CA's self-signed certificate
 */
record CaCredentials(PrivateKey key, X509Certificate certificate) {

    /**
     * Makes a CA's key and self-signed certificate and writes them, the key first.
     *
     * @throws FileAlreadyExistsException naming the folder when it holds a CA already
     */
    static CaCredentials create(CaFolder folder, X500Name subject, Instant notBefore, Instant notAfter,
            CertificateMaker maker) throws IOException, GeneralSecurityException {
        for (Path existing : List.of(folder.key(), folder.certificate(), folder.crl(), folder.issuedFolder())) {
            if (Files.exists(existing)) {
                throw new FileAlreadyExistsException(folder + " already holds a CA (" + existing.getFileName()
                        + " exists); open it, or create the new CA in an empty folder");
            }
        }
        KeyPair pair = maker.newKeyPair();
        X509Certificate certificate = maker.selfSignedCa(pair, subject, notBefore, notAfter);
        Pem.writeAtomically(folder.key(), true, pair.getPrivate());
        Pem.writeAtomically(folder.certificate(), false, certificate);
        return new CaCredentials(pair.getPrivate(), certificate);
    }

    /**
     * @return the key and certificate in a CA folder
     * @throws IOException              naming the folder when it is not a CA folder
     * @throws GeneralSecurityException naming the file when the certificate is no self-signed CA certificate, or
     *                                  the key is not its key
     */
    static CaCredentials read(CaFolder folder, SecureRandom random) throws IOException, GeneralSecurityException {
        for (Path required : List.of(folder.key(), folder.certificate())) {
            if (!Files.isRegularFile(required)) {
                throw new IOException(folder + " is not a congvu CA folder: it has no " + required.getFileName()
                        + " (create a CA with: congvu pki " + folder + " init)");
            }
        }
        PrivateKey key = Pem.readPrivateKey(folder.key());
        X509Certificate certificate = Pem.readCertificates(folder.certificate()).get(0);
        if (certificate.getBasicConstraints() < 0) {
            throw new CertificateException(folder.certificate() + " is not a CA certificate (no CA:true)");
        }
        try {
            certificate.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException(folder.certificate() + " is not a self-signed CA certificate", e);
        }
        requirePair(key, certificate, folder, random);
        return new CaCredentials(key, certificate);
    }

    private static void requirePair(PrivateKey key, X509Certificate certificate, CaFolder folder, SecureRandom random)
            throws GeneralSecurityException {
        boolean pair;
        try {
            pair = KeyPairs.match(key, certificate);
        } catch (GeneralSecurityException e) {
            throw new KeyException(folder.key() + " and " + folder.certificate() + " must hold an ECDSA P-256 key: "
                    + e.getMessage(), e);
        }
        if (!pair) {
            throw new KeyException(folder.key() + " does not belong to " + folder.certificate()
                    + ": the CA's key and certificate must be the pair created together");
        }
    }
}
