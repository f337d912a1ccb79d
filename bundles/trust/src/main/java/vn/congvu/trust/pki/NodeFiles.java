package vn.congvu.trust.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import vn.congvu.trust.Pem;

/** Writes what a node needs for mutual TLS into its folder (see {@link CertificateAuthority}). */
final class NodeFiles {

    private NodeFiles() {
    }

    /**
     * Writes, replacing what was there: the node's key (owner-only), its certificate, the CA certificate and the CRL.
     * The key goes first: a running node reloads its pair when these files change and keeps the old pair until
     * key and certificate match, so writing the certificate last makes the switch happen once, complete.
     */
    static void write(Path folder, PrivateKey key, X509Certificate certificate, X509Certificate ca, X509CRL crl)
            throws IOException {
        Files.createDirectories(folder);
        Pem.writeAtomically(folder.resolve(CertificateAuthority.NODE_KEY), true, key);
        Pem.writeAtomically(folder.resolve(CertificateAuthority.NODE_CERTIFICATE), false, certificate);
        Pem.writeAtomically(folder.resolve(CertificateAuthority.CA_CERTIFICATE), false, ca);
        Pem.writeAtomically(folder.resolve(CertificateAuthority.CRL), false, crl);
    }
}
