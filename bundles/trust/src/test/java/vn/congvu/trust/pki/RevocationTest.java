package vn.congvu.trust.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.congvu.trust.Pem;

class RevocationTest {

    private static final Instant NOW = CertificateAuthorityTest.NOW;

    @TempDir
    Path dir;
    private Path caFolder;
    private CertificateAuthority ca;
    private IssuedCertificate province;

    @BeforeEach
    void issue() throws Exception {
        caFolder = dir.resolve("ca");
        ca = CertificateAuthority.create(caFolder, "test CA", Duration.ofDays(3650), Clock.fixed(NOW, ZoneOffset.UTC));
        province = ca.issueProvince("04", Duration.ofDays(397), dir.resolve("node"));
    }

    @Test
    void revoke_issuedCertificate_isInTheNewCrlSignedByTheCaAndInTheList() throws Exception {
        IssuedCertificate revoked = ca.revoke(province.serial(), "keyCompromise");

        X509CRL crl = Pem.readCrl(ca.crlFile());
        crl.verify(ca.certificate().getPublicKey());
        assertEquals(2, crl.getVersion());
        assertEquals(ca.certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        X509CRLEntry entry = crl.getRevokedCertificate(province.serial());
        assertNotNull(entry);
        assertEquals(NOW, entry.getRevocationDate().toInstant());
        assertEquals(CRLReason.KEY_COMPROMISE, entry.getRevocationReason());
        assertEquals(NOW, crl.getThisUpdate().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(30)), crl.getNextUpdate().toInstant());
        assertEquals(BigInteger.TWO, CertificateAuthorityTest.crlNumber(ca.crlFile()));
        assertNotNull(crl.getExtensionValue("2.5.29.35"), "authority key identifier");
        assertTrue(crl.isRevoked(Pem.readCertificates(dir.resolve("node/node.crt.pem")).get(0)));

        assertEquals(List.of(revoked), ca.list());
        assertEquals(NOW, revoked.revokedAt());
        assertEquals(province.serialHex() + "\t" + NOW + "\tkeyCompromise\n",
                Files.readString(caFolder.resolve("revoked.tsv"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "key compromise         | KEY_COMPROMISE",
        "SUPERSEDED             | SUPERSEDED",
        "cessationOfOperation   | CESSATION_OF_OPERATION",
        "moved to a new server  | ",
        "unspecified            | "})
    void revoke_reasonText_givesTheCrlReasonCode(String reason, CRLReason expected) throws Exception {
        ca.revoke(province.serial(), reason);

        // RFC 5280 writes an unspecified reason by leaving the reason code out
        assertEquals(expected, Pem.readCrl(ca.crlFile()).getRevokedCertificate(province.serial()).getRevocationReason());
    }

    @Test
    void revoke_reasonWithTabsAndNewlines_isKeptOnOneLine() throws Exception {
        IssuedCertificate revoked = ca.revoke(province.serial(), "laptop\tstolen\nin Hà Giang");

        assertEquals("laptop stolen in Hà Giang", revoked.revocationReason());
        assertEquals(revoked, ca.list().get(0));
        assertEquals(1, Files.readAllLines(caFolder.resolve("revoked.tsv")).size());
    }

    @Test
    void revoke_twice_keepsTheFirstRevocationAndTheCrl() throws Exception {
        IssuedCertificate first = ca.revoke(province.serial(), "superseded");
        byte[] crl = Files.readAllBytes(ca.crlFile());

        IssuedCertificate second = ca.revoke(province.serial(), "keyCompromise");

        assertEquals(first, second);
        assertEquals(List.of(first), ca.list());
        assertArrayEquals(crl, Files.readAllBytes(ca.crlFile()));
        assertEquals(BigInteger.TWO, CertificateAuthorityTest.crlNumber(ca.crlFile()), "no new CRL");
    }

    @Test
    void revoke_unknownSerial_namesItAndChangesNothing() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ca.revoke(new BigInteger("abc123", 16), "superseded"));

        assertTrue(e.getMessage().contains("issued no certificate with serial abc123"), e.getMessage());
        assertEquals(BigInteger.ONE, CertificateAuthorityTest.crlNumber(ca.crlFile()));
        assertNull(Pem.readCrl(ca.crlFile()).getRevokedCertificates());
    }

    @Test
    void jdkPkixWithTheCrl_acceptsTheValidAndRefusesTheRevoked() throws Exception {
        IssuedCertificate other = ca.issueProvince("79", Duration.ofDays(397), dir.resolve("other"));
        ca.revoke(province.serial(), "keyCompromise");

        assertEquals(List.of(), pkixFailures(dir.resolve("other")));
        List<String> failures = pkixFailures(dir.resolve("node"));
        assertEquals(List.of("REVOKED"), failures, "revoked " + province.serialHex() + ", not " + other.serialHex());
    }

    /** The JDK's own path validation, as a trust manager runs it: CA anchor, the CA's CRL, revocation on. */
    private List<String> pkixFailures(Path node) throws Exception {
        X509Certificate leaf = Pem.readCertificates(node.resolve("node.crt.pem")).get(0);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertStore(CertStore.getInstance("Collection",
                new CollectionCertStoreParameters(List.of(Pem.readCrl(ca.crlFile())))));
        parameters.setDate(Date.from(NOW.plus(Duration.ofHours(1))));
        try {
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), parameters);
            return List.of();
        } catch (CertPathValidatorException e) {
            return List.of(String.valueOf(e.getReason()));
        }
    }

    @Test
    void refreshCrl_numberGoesUpAndNextUpdateIsAsAsked() throws Exception {
        ca.revoke(province.serial(), "superseded");

        ca.refreshCrl(Duration.ofDays(7));

        X509CRL crl = Pem.readCrl(ca.crlFile());
        assertEquals(new BigInteger("3"), CertificateAuthorityTest.crlNumber(ca.crlFile()));
        assertEquals(NOW.plus(Duration.ofDays(7)), crl.getNextUpdate().toInstant());
        assertNotNull(crl.getRevokedCertificate(province.serial()), "revocations stay");
    }

    @Test
    void revoke_afterACrlOfAnotherInterval_keepsThatInterval() throws Exception {
        ca.refreshCrl(Duration.ofDays(7));

        ca.revoke(province.serial(), "superseded");

        assertEquals(NOW.plus(Duration.ofDays(7)), Pem.readCrl(ca.crlFile()).getNextUpdate().toInstant());
    }

    @Test
    void revoke_logAheadOfTheCrl_catchesTheCrlUp() throws Exception {
        // as if the tool died between writing revoked.tsv and crl.pem
        Files.writeString(caFolder.resolve("revoked.tsv"), province.serialHex() + "\t" + NOW + "\tsuperseded\n");

        ca.revoke(province.serial(), "superseded");

        assertNotNull(Pem.readCrl(ca.crlFile()).getRevokedCertificate(province.serial()));
    }

    @Test
    void list_malformedRevocationLog_namesTheLine() throws Exception {
        Files.writeString(caFolder.resolve("revoked.tsv"), "# revocations\n" + province.serialHex() + "\tyesterday\tx\n");

        Exception e = assertThrows(Exception.class, () -> ca.list());

        assertTrue(e.getMessage().contains("revoked.tsv line 2 is malformed"), e.getMessage());
    }

    @Test
    void refreshCrl_crlOfAnotherCa_isRefused() throws Exception {
        Path other = dir.resolve("other");
        CertificateAuthority.create(other, "other", Duration.ofDays(10));
        Files.copy(other.resolve("crl.pem"), ca.crlFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Exception e = assertThrows(Exception.class, () -> ca.refreshCrl(Duration.ofDays(1)));

        assertTrue(e.getMessage().contains("is not signed by this CA"), e.getMessage());
    }
}
