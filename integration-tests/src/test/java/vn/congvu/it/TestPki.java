package vn.congvu.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import vn.congvu.trust.pki.CertificateAuthority;

/**
 * The ministry's certificate authority for a test, made in a folder the first time it is asked for and
 * opened after: every node of a test gets its certificates from the same CA, as in a real federation.
 * Certificates are written into a node's TLS folder as {@code congvu pki} writes them (node.key.pem,
 * node.crt.pem, ca.crt.pem, crl.pem).
 */
final class TestPki {

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration VALIDITY = Duration.ofDays(365);

    private final CertificateAuthority authority;

    private TestPki(CertificateAuthority authority) {
        this.authority = authority;
    }

    /** @return the CA in the folder, made if it is not there yet */
    static TestPki in(Path folder) throws IOException {
        try {
            return new TestPki(Files.exists(folder.resolve(CertificateAuthority.CA_CERTIFICATE))
                    ? CertificateAuthority.open(folder) : CertificateAuthority.create(folder, "congvu test CA", CA_VALIDITY));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the test CA in " + folder, e);
        }
    }

    /** Issues the ministry's server certificate for loopback into the folder. */
    Path ministry(Path tls) throws IOException {
        try {
            authority.issueMinistry(List.of("127.0.0.1", "localhost"), VALIDITY, tls);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot issue the ministry's certificate into " + tls, e);
        }
    }

    /** Issues a province's certificate into the folder. */
    Path province(String code, Path tls) throws IOException {
        try {
            authority.issueProvince(code, VALIDITY, tls);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot issue the certificate of province " + code + " into " + tls, e);
        }
    }
}
