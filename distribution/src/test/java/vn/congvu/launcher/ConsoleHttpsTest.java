package vn.congvu.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's keystore made from PEM files; the key pairs come from the JDK's keytool, made at test time. */
class ConsoleHttpsTest {

    /** Key pairs made once for the class (keytool takes a second each), copied into each test's home. */
    @TempDir
    static Path keys;
    @TempDir
    Path work;
    private Path home;

    @BeforeAll
    static void keyPairs() throws Exception {
        writePem(keyPair(keys, "ca", "EC"), keys.resolve("ca.key.pem"), keys.resolve("ca.crt.pem"));
        writePem(keyPair(keys, "node", "EC"), keys.resolve("node.key.pem"), keys.resolve("self-signed.crt.pem"));
        Files.writeString(keys.resolve("node.crt.pem"), keytool("-gencert", "-alias", "k", "-keystore",
                keys.resolve("ca.p12").toString(), "-storepass", "changeit", "-rfc", "-infile",
                Files.writeString(keys.resolve("node.csr"), keytool("-certreq", "-alias", "k", "-keystore",
                        keys.resolve("node.p12").toString(), "-storepass", "changeit")).toString()));
        writePem(keyPair(keys, "other", "EC"), keys.resolve("other.key.pem"), keys.resolve("other.crt.pem"));
        writePem(keyPair(keys, "rsa", "RSA"), keys.resolve("rsa.key.pem"), keys.resolve("rsa.crt.pem"));
    }

    @BeforeEach
    void ministryHome() throws Exception {
        home = work.resolve("ministry");
        Files.createDirectories(home.resolve("etc/tls"));
        Files.writeString(home.resolve(ConsoleHttps.CONSOLE_FILE), "session.idle.minutes = 30\n");
        Files.writeString(home.resolve("etc/org.apache.felix.http.cfg"), "org.osgi.service.http.port.secure = 8443\n");
        for (String file : new String[] {"ca.crt.pem", "node.key.pem", "node.crt.pem"}) {
            Files.copy(keys.resolve(file), home.resolve("etc/tls").resolve(file));
        }
    }

    @Test
    void properties_turnHttpsOn_withAPkcs12KeystoreOnlyTheOwnerReads() throws Exception {
        Map<String, String> properties = ConsoleHttps.properties(home);

        assertEquals("true", properties.get("org.apache.felix.https.enable"));
        assertEquals("PKCS12", properties.get("org.apache.felix.https.keystore.type"));
        Path keystore = Path.of(properties.get("org.apache.felix.https.keystore"));
        assertEquals(home.resolve(ConsoleHttps.KEYSTORE).toAbsolutePath(), keystore);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore.getParent())));
        String password = properties.get("org.apache.felix.https.keystore.password");
        assertEquals(password, properties.get("org.apache.felix.https.keystore.key.password"));

        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            loaded.load(in, password.toCharArray());
        }
        Key key = loaded.getKey("console", password.toCharArray());
        assertEquals("EC", key.getAlgorithm());
        Certificate[] chain = loaded.getCertificateChain("console");
        assertEquals(2, chain.length, "the node's certificate, then the CA's");
        assertEquals(ConsoleHttps.readCertificates(home.resolve("etc/tls/node.crt.pem")).get(0), chain[0]);
        assertEquals(ConsoleHttps.readCertificates(home.resolve("etc/tls/ca.crt.pem")).get(0), chain[1]);
        assertTrue(Files.list(home.resolve("etc")).noneMatch(file -> file.toString().endsWith(".p12")), "nothing in etc/");
        assertTrue(!Files.readString(home.resolve("etc/vn.congvu.console.cfg")).contains(password));
    }

    @Test
    void properties_aNewPasswordAtEveryStart() {
        String first = ConsoleHttps.properties(home).get("org.apache.felix.https.keystore.password");
        String second = ConsoleHttps.properties(home).get("org.apache.felix.https.keystore.password");

        assertNotEquals(first, second);
        assertEquals(43, first.length(), "256 random bits");
    }

    @Test
    void properties_aCaThatDidNotIssueTheCertificate_isLeftOutOfTheChain() throws Exception {
        Files.copy(keys.resolve("other.crt.pem"), home.resolve("etc/tls/ca.crt.pem"), StandardCopyOption.REPLACE_EXISTING);

        Map<String, String> properties = ConsoleHttps.properties(home);

        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(properties.get("org.apache.felix.https.keystore")))) {
            loaded.load(in, properties.get("org.apache.felix.https.keystore.password").toCharArray());
        }
        assertEquals(1, loaded.getCertificateChain("console").length);
    }

    @Test
    void properties_rsaKeysToo() throws Exception {
        Files.copy(keys.resolve("rsa.key.pem"), home.resolve("etc/tls/node.key.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(keys.resolve("rsa.crt.pem"), home.resolve("etc/tls/node.crt.pem"), StandardCopyOption.REPLACE_EXISTING);

        assertEquals("true", ConsoleHttps.properties(home).get("org.apache.felix.https.enable"));
    }

    @Test
    void properties_withoutTheConsoleFile_none() throws IOException {
        Files.delete(home.resolve(ConsoleHttps.CONSOLE_FILE));

        assertEquals(Map.of(), ConsoleHttps.properties(home));
    }

    @Test
    void properties_keyMissing_onlyTheProblem_namingTheFileAndTheFix() throws IOException {
        Files.delete(home.resolve("etc/tls/node.key.pem"));

        Map<String, String> properties = ConsoleHttps.properties(home);

        assertEquals(List.of(ConsoleHttps.PROBLEM), List.copyOf(properties.keySet()));
        assertTrue(properties.get(ConsoleHttps.PROBLEM).contains("node.key.pem is missing"), properties.toString());
        assertTrue(properties.get(ConsoleHttps.PROBLEM).contains("congvu pki"), properties.toString());
    }

    @Test
    void properties_sec1OrGarbageKey_isAProblem() throws IOException {
        Files.writeString(home.resolve("etc/tls/node.key.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertTrue(ConsoleHttps.properties(home).get(ConsoleHttps.PROBLEM).contains("holds no PKCS#8 private key"));

        Files.writeString(home.resolve("etc/tls/node.key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertTrue(ConsoleHttps.properties(home).get(ConsoleHttps.PROBLEM).contains("not an EC or RSA private key"));
    }

    @Test
    void properties_keyOfAnotherCertificate_isAProblem() throws Exception {
        Files.copy(keys.resolve("other.key.pem"), home.resolve("etc/tls/node.key.pem"), StandardCopyOption.REPLACE_EXISTING);

        assertTrue(ConsoleHttps.properties(home).get(ConsoleHttps.PROBLEM).contains("is not the key of etc/tls/node.crt.pem"));
    }

    @Test
    void properties_certificateUnreadable_isAProblem() throws IOException {
        Files.writeString(home.resolve("etc/tls/node.crt.pem"), "not a certificate");

        assertTrue(ConsoleHttps.properties(home).get(ConsoleHttps.PROBLEM).contains("node.crt.pem holds no"));
    }

    @Test
    void properties_httpsSwitchedOffInTheHttpSettings_isAProblem() throws IOException {
        Files.writeString(home.resolve("etc/org.apache.felix.http.cfg"), "org.apache.felix.https.enable = false\n");

        assertTrue(ConsoleHttps.properties(home).get(ConsoleHttps.PROBLEM).contains("remove that line"));
    }

    /** A PKCS#12 keystore with one self-signed key pair, made by the JDK's keytool. */
    private static KeyStore keyPair(Path folder, String name, String algorithm) throws Exception {
        Path store = folder.resolve(name + ".p12");
        Files.deleteIfExists(store);
        keytool("-genkeypair", "-alias", "k", "-keyalg", algorithm, "-dname", "CN=" + name, "-validity", "2",
                "-ext", "bc:c", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
                "-keypass", "changeit");
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keystore.load(in, "changeit".toCharArray());
        }
        return keystore;
    }

    /** @return what the JDK's keytool printed on its standard output */
    private static String keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        return output;
    }

    private static void writePem(KeyStore keystore, Path keyFile, Path certificateFile) throws Exception {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Key key = keystore.getKey("k", "changeit".toCharArray());
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(certificateFile, "-----BEGIN CERTIFICATE-----\n"
                + base64.encodeToString(keystore.getCertificate("k").getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }
}
