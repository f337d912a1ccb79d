package vn.congvu.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static KeyPair ecKeys;
    private static KeyPair rsaKeys;
    private static X509Certificate certificate;
    private static X509Certificate other;
    private static X509CRL crl;

    @TempDir
    Path folder;

    @BeforeAll
    static void makeObjects() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ecKeys = ec.generateKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        rsaKeys = rsa.generateKeyPair();
        certificate = selfSigned("CN=one", ecKeys);
        other = selfSigned("CN=two", ecKeys);
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(ecKeys.getPrivate());
        crl = new JcaX509CRLConverter().getCRL(new JcaX509v2CRLBuilder(certificate, Date.from(START))
                .addCRLEntry(BigInteger.TEN, Date.from(START), 1).build(signer));
    }

    private static X509Certificate selfSigned(String name, KeyPair keys) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name(name),
                BigInteger.ONE, Date.from(START), Date.from(START.plusSeconds(86_400)), new X500Name(name),
                keys.getPublic()).build(signer));
    }

    @Test
    void writeAtomically_secretKey_isPkcs8AndOwnerOnlyAndReadsBack() throws Exception {
        Path file = folder.resolve("node.key.pem");
        Pem.writeAtomically(file, true, ecKeys.getPrivate());

        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertArrayEquals(ecKeys.getPrivate().getEncoded(), Pem.readPrivateKey(file).getEncoded());
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void writeAtomically_publicFile_isReadableByOthersAndReplacesTheOldOneWithoutLeftovers() throws Exception {
        Path file = folder.resolve("node.crt.pem");
        Pem.writeAtomically(file, false, other);
        Pem.writeAtomically(file, false, certificate);

        assertEquals(List.of(certificate), Pem.readCertificates(file));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertFalse(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).startsWith("rw-------"));
    }

    @Test
    void writeAtomically_objectThatIsNotPem_failsNamingTheFileAndWritesNothing() throws IOException {
        Path file = folder.resolve("bad.pem");
        IOException e = assertThrows(IOException.class, () -> Pem.writeAtomically(file, false, certificate, null));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void writeAtomically_folderThatDoesNotExist_namesTheFile() {
        Path file = folder.resolve("missing/node.crt.pem");

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Pem.writeAtomically(file, false, certificate));
        assertEquals(file.toString(), e.getFile());
        assertTrue(e.getMessage().contains("its folder does not exist"), e.getMessage());
    }

    @Test
    void readCertificates_chainWithAKey_returnsTheCertificatesInOrder() throws Exception {
        Path file = folder.resolve("chain.pem");
        Pem.writeAtomically(file, false, certificate, ecKeys.getPrivate(), other);

        assertEquals(List.of(certificate, other), Pem.readCertificates(file));
    }

    @Test
    void readPrivateKey_traditionalEcAndRsaKeysThatOpensslWrites_areRead() throws Exception {
        for (KeyPair keys : List.of(ecKeys, rsaKeys)) {
            Path file = folder.resolve(keys.getPrivate().getAlgorithm() + ".key.pem");
            Files.writeString(file, keys == ecKeys ? traditionalEc(keys.getPrivate()) : pem(keys.getPrivate()));
            assertTrue(Files.readString(file).startsWith("-----BEGIN " + (keys == ecKeys ? "EC" : "RSA") + " PRIVATE KEY"));

            PrivateKey read = Pem.readPrivateKey(file);

            assertEquals(keys.getPrivate().getAlgorithm(), read.getAlgorithm());
            assertBelongsTo(keys, read);
        }
    }

    @Test
    void readPrivateKey_encryptedKey_isRefusedWithTheFix() throws Exception {
        Path file = folder.resolve("encrypted.key.pem");
        JcaPKCS8Generator encrypted = new JcaPKCS8Generator(ecKeys.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build());
        Files.writeString(file, pem(encrypted));

        KeyException e = assertThrows(KeyException.class, () -> Pem.readPrivateKey(file));
        assertTrue(e.getMessage().contains(file + " holds an encrypted private key"), e.getMessage());
    }

    @Test
    void readPrivateKey_twoKeys_isRefused() throws Exception {
        Path file = folder.resolve("two.key.pem");
        Pem.writeAtomically(file, true, ecKeys.getPrivate(), rsaKeys.getPrivate());

        KeyException e = assertThrows(KeyException.class, () -> Pem.readPrivateKey(file));
        assertTrue(e.getMessage().contains("holds 2 private keys"), e.getMessage());
    }

    @Test
    void readCrl_writtenCrl_readsBackWithItsEntries() throws Exception {
        Path file = folder.resolve("crl.pem");
        Pem.writeAtomically(file, false, crl);

        X509CRL read = Pem.readCrl(file);

        assertEquals(crl, read);
        read.verify(ecKeys.getPublic());
        assertTrue(read.getRevokedCertificate(BigInteger.TEN) != null);
    }

    @Test
    void readers_fileOfTheWrongKind_sayWhatItHoldsNot() throws Exception {
        Path key = folder.resolve("node.key.pem");
        Path cert = folder.resolve("node.crt.pem");
        Pem.writeAtomically(key, true, ecKeys.getPrivate());
        Pem.writeAtomically(cert, false, certificate);

        assertMessage(assertThrows(CertificateException.class, () -> Pem.readCertificates(key)), key + " holds no certificate");
        assertMessage(assertThrows(KeyException.class, () -> Pem.readPrivateKey(cert)), cert + " holds no private key");
        assertMessage(assertThrows(CRLException.class, () -> Pem.readCrl(cert)), cert + " holds no certificate revocation list");
    }

    @Test
    void readers_derFile_isNotPem() throws Exception {
        Path file = folder.resolve("node.der");
        Files.write(file, certificate.getEncoded());

        assertMessage(assertThrows(IOException.class, () -> Pem.readCertificates(file)), file + " is not PEM");
    }

    @Test
    void readers_corruptBase64_isNotValidPem() throws Exception {
        Path file = folder.resolve("broken.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64\n-----END CERTIFICATE-----\n");

        Exception e = assertThrows(Exception.class, () -> Pem.readCertificates(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void readers_fileOverOneMebibyte_isRefused() throws Exception {
        Path file = folder.resolve("huge.pem");
        Files.write(file, ("-----BEGIN CERTIFICATE-----\n" + "A".repeat(Pem.MAX_BYTES)).getBytes(StandardCharsets.US_ASCII));

        assertMessage(assertThrows(IOException.class, () -> Pem.readCertificates(file)), file + " is larger than");
    }

    @Test
    void readers_missingFile_namesIt() {
        Path file = folder.resolve("missing.pem");

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Pem.readCrl(file));
        assertEquals(file.toString(), e.getFile());
    }

    /** A key is the pair's private key when what it signs verifies with the pair's public key. */
    private static void assertBelongsTo(KeyPair keys, PrivateKey key) throws Exception {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(keys.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signer.sign()));
    }

    private static void assertMessage(Exception e, String expected) {
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    /** An EC key as openssl writes it: SEC 1 {@code EC PRIVATE KEY}, the curve named inside. */
    private static String traditionalEc(PrivateKey key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
