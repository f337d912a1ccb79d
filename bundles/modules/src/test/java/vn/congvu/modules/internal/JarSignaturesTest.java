package vn.congvu.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's verification as the node applies it, on jars signed here: keys made by {@code keytool} at test
 * time (their password generated), jars signed through the JDK's {@code JarSigner} API.
 */
class JarSignaturesTest {

    private static final String CLASS = "vn/tinh/rules/Module.class";
    private static final String PASSWORD = UUID.randomUUID().toString();

    @TempDir
    static Path folder;
    private static Signer trusted;
    private static Signer stranger;
    private static Signer expired;
    private static Signer tlsOnly;
    private static PublisherTrust.Trusted trust;

    @BeforeAll
    static void publishers() throws Exception {
        trusted = Signer.create("Sở Nội vụ tỉnh Lào Cai");
        stranger = Signer.create("Nhà phát hành lạ");
        expired = Signer.create("Hết hạn", "-startdate", "-400d", "-validity", "30");
        tlsOnly = Signer.create("TLS server", "-ext", "EKU=serverAuth");
        Path publishers = Files.createDirectories(folder.resolve("publishers"));
        for (Signer signer : List.of(trusted, expired, tlsOnly)) {
            Files.write(publishers.resolve(signer.alias + ".pem"), signer.pem());
        }
        Files.writeString(publishers.resolve("broken.pem"), "not a certificate");
        trust = new PublisherTrust(publishers).read();
    }

    @Test
    void trustSaysWhichFilesItCouldNotRead() {
        assertEquals(3, trust.certificates().size());
        assertEquals(1, trust.unreadable().size());
        assertTrue(trust.unreadable().get(0).startsWith("broken.pem "), trust.unreadable().toString());
    }

    @Test
    void aJarSignedByATrustedPublisher_isAccepted_andNamesItsSigner() throws Exception {
        JarSignatures.Verdict verdict = verify(trusted.sign(jar("good.jar")), false);
        assertEquals(List.of(), verdict.problems());
        assertTrue(verdict.signer().startsWith("CN=Sở Nội vụ tỉnh Lào Cai,O=congvu tests,C=VN (sha256 "), verdict.signer());
    }

    @Test
    void anUnsignedJar_isRefusedAsUnsigned() throws Exception {
        JarSignatures.Verdict verdict = verify(jar("unsigned.jar"), false);
        assertTrue(verdict.unsigned());
        assertTrue(verdict.problems().get(0).startsWith("it is not signed;"), verdict.problems().toString());
    }

    @Test
    void aClassChangedAfterSigning_isRefused() throws Exception {
        Path jar = changed(trusted.sign(jar("changed.jar")), CLASS, "other bytes");
        JarSignatures.Verdict verdict = verify(jar, false);
        assertFalse(verdict.unsigned());
        assertTrue(verdict.problems().get(0).startsWith("it was changed after it was signed: " + CLASS), verdict.problems().toString());
    }

    @Test
    void entriesAddedAfterSigning_areRefused_alsoOnesNamedLikeSignatureFiles() throws Exception {
        for (String added : List.of("vn/tinh/rules/Extra.class", "META-INF/SIG-x.class", "META-INF/extra.txt")) {
            JarSignatures.Verdict verdict = verify(changed(trusted.sign(jar("added.jar")), added, "added"), false);
            assertEquals(List.of("it holds entries its signature does not cover (added after signing): " + added),
                    verdict.problems(), added);
        }
    }

    @Test
    void aJarSignedByAPublisherNotTrusted_isRefused() throws Exception {
        JarSignatures.Verdict verdict = verify(stranger.sign(jar("stranger.jar")), false);
        assertTrue(verdict.problems().get(0).matches("it is signed by CN=Nhà phát hành lạ,O=congvu tests,C=VN \\(sha256 [0-9a-f]{12}\\),"
                + " a publisher this node does not trust .*"), verdict.problems().toString());
    }

    @Test
    void anExpiredCertificate_refusesANewJar_butNotOneThatRanBefore() throws Exception {
        Path jar = expired.sign(jar("expired.jar"));
        assertTrue(verify(jar, false).problems().get(0).contains("whose certificate expired on "));
        assertEquals(List.of(), verify(jar, true).problems());
    }

    @Test
    void aCertificateNotForSigningCode_isRefused_evenWhenTrusted() throws Exception {
        JarSignatures.Verdict verdict = verify(tlsOnly.sign(jar("tls.jar")), false);
        assertTrue(verdict.problems().get(0).contains("whose certificate is not for signing code: its extended key usage"),
                verdict.problems().toString());
    }

    @Test
    void noTrustedPublisherAtAll_saysWhereToPutOne() throws Exception {
        PublisherTrust.Trusted none = new PublisherTrust(folder.resolve("no-such-folder")).read();
        JarSignatures.Verdict verdict = JarSignatures.verify(trusted.sign(jar("none.jar")), none, Instant.now(), false);
        assertTrue(verdict.problems().get(0).contains("but this node trusts no publisher: put the publisher's certificate (PEM) into "),
                verdict.problems().toString());
        assertNull(verdict.signer());
    }

    private static JarSignatures.Verdict verify(Path jar, boolean ranHereBefore) {
        return JarSignatures.verify(jar, trust, Instant.now(), ranHereBefore);
    }

    private static Path jar(String name) throws IOException {
        Path jar = Files.createTempDirectory(folder, "jar").resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "vn.tinh.rules");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String entry : List.of(CLASS, "OSGI-INF/vn.tinh.rules.Module.xml")) {
                out.putNextEntry(new JarEntry(entry));
                out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A byte-for-byte copy with one entry's content changed, or an entry added. */
    private static Path changed(Path jar, String name, String content) throws IOException {
        Path target = jar.resolveSibling("changed-" + jar.getFileName());
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return target;
    }

    /** A publisher's key, made by keytool. */
    private record Signer(String alias, Path keystore) {

        static Signer create(String name, String... options) throws IOException, InterruptedException {
            String alias = "k" + UUID.randomUUID().toString().substring(0, 8);
            Path keystore = folder.resolve(alias + ".p12");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass",
                    PASSWORD, "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=" + name + ", O=congvu tests, C=VN"));
            command.addAll(List.of(options));
            if (!List.of(options).contains("-validity")) {
                command.addAll(List.of("-validity", "365"));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, new String(output, StandardCharsets.UTF_8));
            return new Signer(alias, keystore);
        }

        private KeyStore.PrivateKeyEntry entry() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            return (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
        }

        byte[] pem() throws Exception {
            String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(entry().getCertificate().getEncoded());
            return ("-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        }

        Path sign(Path jar) throws Exception {
            KeyStore.PrivateKeyEntry key = entry();
            PrivateKey privateKey = key.getPrivateKey();
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of((X509Certificate) key.getCertificate()));
            Path signed = jar.resolveSibling("signed-" + jar.getFileName());
            try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                new JarSigner.Builder(privateKey, path).build().sign(in, out);
            }
            return signed;
        }
    }
}
