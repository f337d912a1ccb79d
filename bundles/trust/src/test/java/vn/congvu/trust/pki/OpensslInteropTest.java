package vn.congvu.trust.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.trust.Pem;

/**
 * The files the CA writes, read by the real openssl and keytool, and keys openssl writes read by {@link Pem}: what
 * the ministry's and provinces' IT staff will do with them. CI installs openssl; the test fails without it.
 */
class OpensslInteropTest {

    @TempDir
    static Path dir;
    private static CertificateAuthority ca;
    private static Path province;
    private static Path revoked;
    private static Path ministry;

    private record Result(int code, String output) {
    }

    @BeforeAll
    static void issue() throws Exception {
        // the real clock: openssl checks validity against it
        ca = CertificateAuthority.create(dir.resolve("ca"), CertificateAuthority.DEFAULT_NAME, Duration.ofDays(3650));
        province = dir.resolve("caobang");
        ca.issueProvince("04", Duration.ofDays(397), province);
        revoked = dir.resolve("hanoi");
        IssuedCertificate hanoi = ca.issueProvince("01", Duration.ofDays(397), revoked);
        ministry = dir.resolve("ministry");
        ca.issueMinistry(List.of("localhost", "127.0.0.1"), Duration.ofDays(397), ministry);
        ca.revoke(hanoi.serial(), "keyCompromise");
    }

    @Test
    void opensslVerify_provinceCertificate_chainsToTheCa() throws Exception {
        Result result = openssl("verify", "-CAfile", ca.certificateFile(), province.resolve("node.crt.pem"));

        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("node.crt.pem: OK"), result.output());
    }

    @Test
    void opensslVerifyWithCrl_validIsAcceptedAndRevokedIsRefused() throws Exception {
        Result valid = openssl("verify", "-crl_check", "-CRLfile", ca.crlFile(), "-CAfile", ca.certificateFile(),
                province.resolve("node.crt.pem"));
        Result refused = openssl("verify", "-crl_check", "-CRLfile", ca.crlFile(), "-CAfile", ca.certificateFile(),
                revoked.resolve("node.crt.pem"));

        assertEquals(0, valid.code(), valid.output());
        assertNotEquals(0, refused.code(), refused.output());
        assertTrue(refused.output().contains("certificate revoked"), refused.output());
    }

    @Test
    void opensslVerifyPurpose_eachCertificateServesOnlyItsSide() throws Exception {
        assertEquals(0, verifyPurpose("sslclient", province).code());
        assertNotEquals(0, verifyPurpose("sslserver", province).code(), "a province certificate is no server's");
        assertEquals(0, verifyPurpose("sslserver", ministry).code());
        assertNotEquals(0, verifyPurpose("sslclient", ministry).code(), "a server certificate is no client's");
    }

    @Test
    void opensslText_showsTheIdentityAndTheCrlItsNumber() throws Exception {
        Result leaf = openssl("x509", "-in", province.resolve("node.crt.pem"), "-noout", "-text");
        Result crl = openssl("crl", "-in", ca.crlFile(), "-noout", "-text");

        assertEquals(0, leaf.code(), leaf.output());
        assertTrue(leaf.output().contains("URI:spiffe://congvu.moha.gov.vn/province/04"), leaf.output());
        assertTrue(leaf.output().contains("TLS Web Client Authentication"), leaf.output());
        assertEquals(0, crl.code(), crl.output());
        assertTrue(crl.output().contains("X509v3 CRL Number"), crl.output());
        assertTrue(crl.output().contains("Key Compromise"), crl.output());
    }

    @Test
    void opensslPkey_readsTheNodeAndCaKeys() throws Exception {
        for (Path key : List.of(province.resolve("node.key.pem"), dir.resolve("ca/ca.key.pem"))) {
            Result result = openssl("pkey", "-in", key, "-noout");
            assertEquals(0, result.code(), key + ": " + result.output());
        }
    }

    @Test
    void pemReads_keysAndCertificatesOpensslWrites() throws Exception {
        Path ec = dir.resolve("openssl-ec.key.pem");
        Path rsa = dir.resolve("openssl-rsa.key.pem");
        Path pkcs8 = dir.resolve("openssl-pkcs8.key.pem");
        Path certificate = dir.resolve("openssl.crt.pem");
        assertEquals(0, openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", ec).code());
        assertEquals(0, openssl("genrsa", "-traditional", "-out", rsa, "2048").code());
        assertEquals(0, openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pkcs8).code());
        assertEquals(0, openssl("req", "-x509", "-key", pkcs8, "-subj", "/CN=openssl", "-days", "1", "-out", certificate)
                .code());
        assertTrue(Files.readString(ec).contains("-----BEGIN EC PARAMETERS-----"));
        assertTrue(Files.readString(rsa).contains("-----BEGIN RSA PRIVATE KEY-----"));

        assertEquals("EC", Pem.readPrivateKey(ec).getAlgorithm());
        assertEquals("RSA", Pem.readPrivateKey(rsa).getAlgorithm());
        CertificateAuthorityTest.assertBelongsTo(Pem.readPrivateKey(pkcs8), Pem.readCertificates(certificate).get(0));
    }

    @Test
    void keytoolPrintcert_readsTheCertificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Result result = run(List.of(keytool.toString(), "-printcert", "-file", province.resolve("node.crt.pem").toString()));

        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("CN=congvu province 04, O=congvu, C=VN"), result.output());
        assertTrue(result.output().contains("spiffe://congvu.moha.gov.vn/province/04"), result.output());
    }

    private static Result verifyPurpose(String purpose, Path node) throws Exception {
        return openssl("verify", "-purpose", purpose, "-CAfile", ca.certificateFile(), node.resolve("node.crt.pem"));
    }

    private static Result openssl(Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        return run(command);
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is needed for this test (e.g. apt-get install openssl)", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
