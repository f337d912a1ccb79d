package vn.congvu.trust.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.trust.NodeIdentity;
import vn.congvu.trust.Pem;

class CertificateAuthorityTest {

    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";

    @TempDir
    Path dir;
    private Path caFolder;
    private CertificateAuthority ca;

    @BeforeEach
    void createCa() throws Exception {
        caFolder = dir.resolve("ca");
        ca = CertificateAuthority.create(caFolder, CertificateAuthority.DEFAULT_NAME, Duration.ofDays(3650),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void create_emptyFolder_writesASelfSignedCaThatMaySignOnlyLeavesAndCrls() throws Exception {
        X509Certificate certificate = Pem.readCertificates(caFolder.resolve("ca.crt.pem")).get(0);

        assertEquals(ca.certificate(), certificate);
        certificate.verify(certificate.getPublicKey());
        assertEquals("CN=congvu ministry CA,O=Bộ Nội vụ,C=VN",
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
        assertEquals(0, certificate.getBasicConstraints(), "CA:true, path length 0");
        assertEquals(List.of(false, false, false, false, false, true, true, false, false),
                booleans(certificate.getKeyUsage()), "keyCertSign and cRLSign only");
        assertTrue(certificate.getCriticalExtensionOIDs().containsAll(Set.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        assertTrue(certificate.getExtensionValue("2.5.29.14") != null, "subject key identifier");
        assertEquals(NOW.plus(Duration.ofDays(3650)), certificate.getNotAfter().toInstant());
        assertEquals(new BigInteger("1"), crlNumber(ca.crlFile()));
        assertTrue(Files.isDirectory(caFolder.resolve("issued")));
        assertOwnerOnly(caFolder.resolve("ca.key.pem"));
    }

    @Test
    void create_folderThatHoldsACa_isRefused() {
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> CertificateAuthority.create(caFolder, "another", Duration.ofDays(10)));
        assertTrue(e.getMessage().contains("already holds a CA"), e.getMessage());
    }

    @Test
    void create_nameOnTwoLines_isRefusedBeforeAnythingIsWritten() {
        Path folder = dir.resolve("other");
        assertThrows(IllegalArgumentException.class,
                () -> CertificateAuthority.create(folder, "one\ntwo", Duration.ofDays(10)));
        assertFalse(Files.exists(folder));
    }

    @Test
    void open_existingCa_hasTheSameCertificate() throws Exception {
        assertEquals(ca.certificate(), CertificateAuthority.open(caFolder).certificate());
    }

    @Test
    void open_folderWithoutCa_namesTheMissingFileAndTheFix() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> CertificateAuthority.open(empty));
        assertTrue(e.getMessage().contains("is not a congvu CA folder: it has no ca.key.pem"), e.getMessage());
        assertTrue(e.getMessage().contains("init"), e.getMessage());
    }

    @Test
    void open_keyOfAnotherCa_isRefused() throws Exception {
        Path other = dir.resolve("other");
        CertificateAuthority.create(other, "other CA", Duration.ofDays(10));
        Files.copy(other.resolve("ca.key.pem"), caFolder.resolve("ca.key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        KeyException e = assertThrows(KeyException.class, () -> CertificateAuthority.open(caFolder));
        assertTrue(e.getMessage().contains("does not belong to"), e.getMessage());
    }

    @Test
    void open_leafCertificateInsteadOfTheCa_isRefused() throws Exception {
        Path node = dir.resolve("node");
        ca.issueProvince("04", Duration.ofDays(10), node);
        Files.copy(node.resolve("node.crt.pem"), caFolder.resolve("ca.crt.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Exception e = assertThrows(Exception.class, () -> CertificateAuthority.open(caFolder));
        assertTrue(e.getMessage().contains("is not a CA certificate"), e.getMessage());
    }

    @Test
    void issueProvince_writesTheNodesFiles_leafVerifiesAgainstTheCaAndNamesTheProvince() throws Exception {
        Path node = dir.resolve("caobang/etc/tls");
        IssuedCertificate issued = ca.issueProvince("04", Duration.ofDays(397), node);

        List<X509Certificate> certificates = Pem.readCertificates(node.resolve("node.crt.pem"));
        assertEquals(1, certificates.size(), "the leaf only");
        X509Certificate leaf = certificates.get(0);
        leaf.verify(ca.certificate().getPublicKey());
        assertEquals(NodeIdentity.province("04"), NodeIdentity.of(leaf));
        assertEquals(List.of(List.of(6, "spiffe://congvu.moha.gov.vn/province/04")),
                List.copyOf(leaf.getSubjectAlternativeNames()));
        assertEquals(List.of(CLIENT_AUTH), leaf.getExtendedKeyUsage());
        assertEquals("CN=congvu province 04,O=congvu,C=VN", leaf.getSubjectX500Principal().getName());
        assertEquals(ca.certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(-1, leaf.getBasicConstraints());
        assertEquals(List.of(true, false, false, false, false, false, false, false, false), booleans(leaf.getKeyUsage()));
        assertTrue(leaf.getCriticalExtensionOIDs().containsAll(Set.of(BASIC_CONSTRAINTS, KEY_USAGE)));
        assertEquals(keyIdentifier(ca.certificate()), authorityKeyIdentifier(leaf));
        assertEquals(NOW.minus(CertificateAuthority.BACKDATE), leaf.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(397)), leaf.getNotAfter().toInstant());

        assertEquals(leaf.getSerialNumber(), issued.serial());
        assertTrue(issued.serial().signum() > 0 && issued.serial().bitLength() <= 159);
        assertEquals(new IssuedCertificate(issued.serial(), "province", NodeIdentity.province("04"),
                "CN=congvu province 04,O=congvu,C=VN", List.of(), leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant(), null, null), issued);
        assertTrue(Files.exists(caFolder.resolve("issued/" + issued.serialHex() + ".crt.pem")));
        assertBelongsTo(Pem.readPrivateKey(node.resolve("node.key.pem")), leaf);
        assertTrue(Files.readString(node.resolve("node.key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertOwnerOnly(node.resolve("node.key.pem"));
        assertEquals(List.of(ca.certificate()), Pem.readCertificates(node.resolve("ca.crt.pem")));
        assertEquals(Pem.readCrl(ca.crlFile()), Pem.readCrl(node.resolve("crl.pem")));
    }

    @Test
    void issueMinistry_hostsAsDnsNamesAndAddresses_serverAuthOnly() throws Exception {
        Path node = dir.resolve("ministry/etc/tls");
        IssuedCertificate issued = ca.issueMinistry(List.of("Congvu.MOHA.gov.vn", "10.1.2.3", "::1", "localhost"),
                Duration.ofDays(397), node);

        X509Certificate leaf = Pem.readCertificates(node.resolve("node.crt.pem")).get(0);
        leaf.verify(ca.certificate().getPublicKey());
        assertEquals(NodeIdentity.ministry(), NodeIdentity.of(leaf));
        assertEquals(List.of(SERVER_AUTH), leaf.getExtendedKeyUsage());
        assertEquals(List.of(List.of(2, "congvu.moha.gov.vn"), List.of(7, "10.1.2.3"), List.of(7, "0:0:0:0:0:0:0:1"),
                List.of(2, "localhost"), List.of(6, "spiffe://congvu.moha.gov.vn/ministry")),
                List.copyOf(leaf.getSubjectAlternativeNames()));
        assertEquals("CN=congvu ministry congvu.moha.gov.vn,O=congvu,C=VN", leaf.getSubjectX500Principal().getName());
        assertEquals("ministry", issued.kind());
        assertEquals(List.of("congvu.moha.gov.vn", "10.1.2.3", "0:0:0:0:0:0:0:1", "localhost"), issued.hosts());
    }

    @Test
    void issueProvince_givenDates_makesExpiredAndNotYetValidCertificates() throws Exception {
        IssuedCertificate expired = ca.issueProvince("04", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(1)),
                dir.resolve("expired"));
        IssuedCertificate early = ca.issueProvince("04", NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)),
                dir.resolve("early"));

        X509Certificate expiredLeaf = Pem.readCertificates(dir.resolve("expired/node.crt.pem")).get(0);
        assertEquals(NOW.minus(Duration.ofDays(1)), expiredLeaf.getNotAfter().toInstant());
        assertThrows(java.security.cert.CertificateExpiredException.class,
                () -> expiredLeaf.checkValidity(java.util.Date.from(NOW)));
        X509Certificate earlyLeaf = Pem.readCertificates(dir.resolve("early/node.crt.pem")).get(0);
        assertThrows(java.security.cert.CertificateNotYetValidException.class,
                () -> earlyLeaf.checkValidity(java.util.Date.from(NOW)));
        assertEquals(-1, expired.daysLeft(NOW));
        assertEquals(10, early.daysLeft(NOW));
    }

    @Test
    void issueProvince_datesTheCaCannotVouchFor_areRefused() {
        Path out = dir.resolve("node");
        IllegalArgumentException outlives = assertThrows(IllegalArgumentException.class,
                () -> ca.issueProvince("04", Duration.ofDays(4000), out));
        assertTrue(outlives.getMessage().contains("would outlive the CA certificate"), outlives.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ca.issueProvince("04", NOW, NOW, out));
        assertThrows(IllegalArgumentException.class, () -> ca.issueProvince("04", Duration.ZERO, out));
        assertFalse(Files.exists(out));
    }

    @Test
    void issueProvince_intoTheSameFolderAgain_replacesThePair() throws Exception {
        Path node = dir.resolve("node");
        IssuedCertificate first = ca.issueProvince("04", Duration.ofDays(30), node);
        IssuedCertificate second = ca.issueProvince("04", Duration.ofDays(30), node);

        assertNotEquals(first.serial(), second.serial());
        X509Certificate leaf = Pem.readCertificates(node.resolve("node.crt.pem")).get(0);
        assertEquals(second.serial(), leaf.getSerialNumber());
        assertBelongsTo(Pem.readPrivateKey(node.resolve("node.key.pem")), leaf);
        assertEquals(2, ca.list().size());
    }

    @Test
    void issueProvince_intoTheCaFolder_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ca.issueProvince("04", Duration.ofDays(30), caFolder));
    }

    @Test
    void list_certificatesOfBothKinds_oldestFirstWithTheirRevocations() throws Exception {
        IssuedCertificate province = ca.issueProvince("04", Duration.ofDays(30), dir.resolve("a"));
        IssuedCertificate older = ca.issueProvince("79", NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(5)),
                dir.resolve("b"));
        IssuedCertificate ministry = ca.issueMinistry(List.of("localhost"), Duration.ofDays(30), dir.resolve("c"));
        IssuedCertificate revoked = ca.revoke(province.serial(), "superseded");

        List<IssuedCertificate> list = ca.list();

        assertEquals(older, list.get(0));
        assertEquals(Set.of(revoked, ministry), Set.copyOf(list.subList(1, 3)));
        assertEquals(NOW, revoked.revokedAt());
        assertEquals("superseded", revoked.revocationReason());
        assertEquals(ca.find(province.serial()).orElseThrow(), revoked);
        assertTrue(ca.find(BigInteger.TWO).isEmpty());
    }

    @Test
    void daysLeft_roundsDownAndIsNegativeOnceExpired() {
        IssuedCertificate certificate = new IssuedCertificate(BigInteger.ONE, "province", NodeIdentity.province("04"),
                "CN=x", List.of(), NOW, NOW.plus(Duration.ofDays(2)), null, null);

        assertEquals(2, certificate.daysLeft(NOW));
        assertEquals(1, certificate.daysLeft(NOW.plusSeconds(1)));
        assertEquals(0, certificate.daysLeft(NOW.plus(Duration.ofDays(2)).minusSeconds(1)));
        assertEquals(-1, certificate.daysLeft(NOW.plus(Duration.ofDays(2)).plusSeconds(1)));
        assertEquals("1", certificate.serialHex());
        assertFalse(certificate.revoked());
    }

    static List<Boolean> booleans(boolean[] bits) {
        Boolean[] boxed = new Boolean[9];
        Arrays.fill(boxed, false);
        for (int i = 0; i < Math.min(bits.length, 9); i++) {
            boxed[i] = bits[i];
        }
        return List.of(boxed);
    }

    static BigInteger crlNumber(Path crlFile) throws Exception {
        X509CRL crl = Pem.readCrl(crlFile);
        return org.bouncycastle.asn1.ASN1Integer.getInstance(
                ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.20")).getOctets()).getValue();
    }

    static void assertBelongsTo(PrivateKey key, X509Certificate certificate) throws Exception {
        assertTrue(vn.congvu.trust.internal.KeyPairs.match(key, certificate), "the key belongs to the certificate");
    }

    private static void assertOwnerOnly(Path file) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private static List<Byte> keyIdentifier(X509Certificate certificate) {
        byte[] value = ASN1OctetString.getInstance(certificate.getExtensionValue("2.5.29.14")).getOctets();
        return bytes(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
    }

    private static List<Byte> authorityKeyIdentifier(X509Certificate certificate) {
        byte[] value = ASN1OctetString.getInstance(certificate.getExtensionValue("2.5.29.35")).getOctets();
        return bytes(AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierObject().getOctets());
    }

    private static List<Byte> bytes(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return List.of(boxed);
    }
}
