package vn.congvu.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateRevokedException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.trust.pki.CertificateAuthority;

/**
 * The ministry's check of province certificates, outside TLS: the JDK's PKIX check, the province identity,
 * and the revocation list read again when its file changes (never one the CA did not sign).
 */
class ProvinceCertificatesTest {

    @TempDir
    Path folder;
    private CertificateAuthority authority;
    private Path ministry;
    private ProvinceCertificates check;

    @BeforeEach
    void start() throws Exception {
        authority = CertificateAuthority.create(folder.resolve("ca"), "test CA", Duration.ofDays(3650));
        ministry = folder.resolve("ministry");
        authority.issueMinistry(java.util.List.of("127.0.0.1"), Duration.ofDays(365), ministry);
        check = ProvinceCertificates.load(ministry.resolve("ca.crt.pem"), ministry.resolve("crl.pem"), Clock.systemUTC());
    }

    private X509Certificate[] province(String code, String name) throws Exception {
        authority.issueProvince(code, Duration.ofDays(365), folder.resolve(name));
        return Pem.readCertificates(folder.resolve(name).resolve("node.crt.pem")).toArray(X509Certificate[]::new);
    }

    private void publishCrl(Path crl) throws Exception {
        Path temporary = ministry.resolve("crl.pem.new");
        Files.copy(crl, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, ministry.resolve("crl.pem"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aProvinceCertificate_isAccepted_andNamesItsProvince() throws Exception {
        X509Certificate[] chain = province("04", "caobang");

        check.checkClientTrusted(chain, "EC");

        assertEquals("04", ProvinceCertificates.provinceOf(chain[0]));
        assertEquals(Optional.empty(), check.problemNow(chain[0]));
    }

    @Test
    void aRevocation_takesEffectAtTheNextCheck_asTheJdkRevocationException() throws Exception {
        X509Certificate[] chain = province("08", "tuyenquang");
        check.checkClientTrusted(chain, "EC");

        authority.revoke(chain[0].getSerialNumber(), "keyCompromise");
        publishCrl(authority.crlFile());

        CertificateRevokedException refused = assertThrows(CertificateRevokedException.class,
                () -> check.checkClientTrusted(chain, "EC"));
        assertTrue(refused.getMessage().contains("revoked") && refused.getMessage().contains(chain[0].getSerialNumber().toString(16)),
                refused.getMessage());
        assertTrue(check.problemNow(chain[0]).orElseThrow().contains("KEY_COMPROMISE"));
    }

    @Test
    void aListSignedByAnotherAuthority_isNeverTaken_andTheLastGoodOneStays() throws Exception {
        X509Certificate[] chain = province("06", "backan");
        authority.revoke(chain[0].getSerialNumber(), "superseded");
        publishCrl(authority.crlFile());
        assertTrue(check.problemNow(chain[0]).isPresent());

        CertificateAuthority other = CertificateAuthority.create(folder.resolve("other"), "not the ministry", Duration.ofDays(3650));
        publishCrl(other.crlFile());

        assertTrue(check.problemNow(chain[0]).isPresent(), "the revocation stays in force");
    }

    @Test
    void serverCertificates_otherAuthorities_andExpiredOnes_areRefused() throws Exception {
        X509Certificate[] server = Pem.readCertificates(ministry.resolve("node.crt.pem")).toArray(X509Certificate[]::new);
        assertThrows(CertificateException.class, () -> check.checkClientTrusted(server, "EC"));

        CertificateAuthority other = CertificateAuthority.create(folder.resolve("elsewhere"), "another CA", Duration.ofDays(3650));
        other.issueProvince("04", Duration.ofDays(365), folder.resolve("foreign"));
        X509Certificate[] foreign = Pem.readCertificates(folder.resolve("foreign/node.crt.pem")).toArray(X509Certificate[]::new);
        assertThrows(CertificateException.class, () -> check.checkClientTrusted(foreign, "EC"));

        Instant now = Instant.now();
        authority.issueProvince("04", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), folder.resolve("old"));
        X509Certificate[] expired = Pem.readCertificates(folder.resolve("old/node.crt.pem")).toArray(X509Certificate[]::new);
        CertificateException refused = assertThrows(CertificateException.class, () -> check.checkClientTrusted(expired, "EC"));
        assertTrue(refused.getMessage().contains("validity"), refused.getMessage());
        assertTrue(check.problemNow(expired[0]).orElseThrow().contains("expired"));
        assertThrows(CertificateException.class, () -> check.checkServerTrusted(server, "EC"));
    }

    @Test
    void anExpiredCertificate_isReportedAsTheJdkExpiryException() throws Exception {
        X509Certificate[] chain = province("42", "hatinh");
        ProvinceCertificates later = ProvinceCertificates.load(ministry.resolve("ca.crt.pem"), ministry.resolve("crl.pem"),
                Clock.fixed(chain[0].getNotAfter().toInstant().plusSeconds(1), java.time.ZoneOffset.UTC));

        assertTrue(later.problemNow(chain[0]).orElseThrow().contains("expired on"));
        assertThrows(CertificateExpiredException.class, () -> later.checkClientTrusted(chain, "EC"));
    }
}
