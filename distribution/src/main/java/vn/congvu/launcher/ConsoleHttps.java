package vn.congvu.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the ministry's web console over HTTPS with the node's own TLS key and certificate: where a home has
 * {@code etc/vn.congvu.console.cfg}, builds a PKCS#12 keystore from {@code etc/tls/node.key.pem} and
 * {@code node.crt.pem} (with {@code ca.crt.pem} in the chain) under {@code data/console/}, readable by the node's
 * user only, with a new random password at every start that is never written to etc/ or to a log, and answers the
 * Felix HTTP framework properties that turn HTTPS on. Felix HTTP reads each key from its configuration
 * ({@code etc/org.apache.felix.http.cfg}) first and from these framework properties when the key is absent there.
 * When the key or certificate cannot be used, the node starts all the same, without HTTPS: the reason is logged and
 * set as the framework property {@value #PROBLEM}, which the console turns into a health problem.
 */
final class ConsoleHttps {

    static final String PROBLEM = "congvu.console.https.problem";
    static final String CONSOLE_FILE = "etc/vn.congvu.console.cfg";
    static final String KEYSTORE = "data/console/https.p12";
    private static final String HTTPS_ENABLE = "org.apache.felix.https.enable";
    private static final String SECURE_PORT = "org.osgi.service.http.port.secure";
    private static final int LARGEST_PEM = 1 << 20;
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHttps.class);

    /** The key or a certificate cannot be used: the reason, in words an operator acts on. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason);
        }
    }

    private ConsoleHttps() {
    }

    /**
     * @param home the node home
     * @return the framework properties for HTTPS; none where the home has no console; only {@value #PROBLEM} if the
     *         console cannot be served over HTTPS
     */
    static Map<String, String> properties(Path home) {
        if (!Files.isRegularFile(home.resolve(CONSOLE_FILE))) {
            return Map.of();
        }
        try {
            refuseHttpsSwitchedOff(home.resolve("etc/org.apache.felix.http.cfg"));
            Path tls = home.resolve("etc/tls");
            PrivateKey key = readKey(tls.resolve("node.key.pem"));
            List<X509Certificate> chain = readCertificates(tls.resolve("node.crt.pem"));
            requirePair(key, chain.get(0));
            Path caFile = tls.resolve("ca.crt.pem");
            if (Files.isRegularFile(caFile)) {
                // the CA completes the chain only if it issued the last certificate of it (a keystore refuses a broken chain)
                for (X509Certificate ca : readCertificates(caFile)) {
                    X509Certificate last = chain.get(chain.size() - 1);
                    if (!chain.contains(ca) && !last.getIssuerX500Principal().equals(last.getSubjectX500Principal())
                            && last.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                        chain.add(ca);
                    }
                }
            }
            String password = randomPassword();
            Path keystore = writeKeystore(home.resolve(KEYSTORE), key, chain, password);
            logCertificate(chain.get(0), home);
            Map<String, String> properties = new HashMap<>();
            properties.put(HTTPS_ENABLE, "true");
            properties.put("org.apache.felix.https.keystore", keystore.toString());
            properties.put("org.apache.felix.https.keystore.password", password);
            properties.put("org.apache.felix.https.keystore.key.password", password);
            properties.put("org.apache.felix.https.keystore.type", "PKCS12");
            return properties;
        } catch (Unusable e) {
            LOG.error("The web console is not served over HTTPS: {} (the node runs without it)", e.getMessage());
            return Map.of(PROBLEM, e.getMessage());
        }
    }

    /** An old template's "https.enable = false" in the HTTP settings would switch HTTPS off again once they load. */
    private static void refuseHttpsSwitchedOff(Path httpFile) throws Unusable {
        if (!Files.isRegularFile(httpFile)) {
            return;
        }
        Properties settings = new Properties();
        try (Reader reader = Files.newBufferedReader(httpFile, StandardCharsets.UTF_8)) {
            settings.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return; // the settings check names an unreadable file
        }
        String enable = settings.getProperty(HTTPS_ENABLE);
        if (enable != null && !enable.strip().equalsIgnoreCase("true")) {
            throw new Unusable("etc/org.apache.felix.http.cfg sets " + HTTPS_ENABLE + " = " + enable.strip()
                    + ", which switches the console's HTTPS off: remove that line (the node turns HTTPS on itself) and "
                    + "set " + SECURE_PORT + " there, then restart the node");
        }
    }

    static PrivateKey readKey(Path file) throws Unusable {
        String pem = readPem(file);
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new Unusable(file + " is encrypted: the node needs it unencrypted (PKCS#8, 'BEGIN PRIVATE KEY'), "
                    + "readable by its user only");
        }
        Matcher matcher = PEM_KEY.matcher(pem);
        if (!matcher.find()) {
            throw new Unusable(file + " holds no PKCS#8 private key ('-----BEGIN PRIVATE KEY-----'); "
                    + "'congvu pki' writes one, or convert with 'openssl pkcs8 -topk8 -nocrypt'");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new Unusable(file + ": the key is not valid base64 (" + e.getMessage() + ")");
        }
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // try the next
            }
        }
        throw new Unusable(file + " is not an EC or RSA private key the JDK can read");
    }

    static List<X509Certificate> readCertificates(Path file) throws Unusable {
        String pem = readPem(file);
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new Unusable(file + " holds no certificate ('-----BEGIN CERTIFICATE-----')");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new Unusable(file + " holds no readable X.509 certificate (" + e.getMessage() + ")");
        }
    }

    /** A key from one pair and a certificate from another would fail every handshake: refuse them here, in words. */
    private static void requirePair(PrivateKey key, X509Certificate certificate) throws Unusable {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException mismatch) {
            // a key of another algorithm than the certificate's: the same answer
        }
        throw new Unusable("etc/tls/node.key.pem is not the key of etc/tls/node.crt.pem (" + certificate.getSubjectX500Principal()
                + "): put the key and certificate 'congvu pki' issued together");
    }

    private static String readPem(Path file) throws Unusable {
        try {
            if (!Files.isRegularFile(file)) {
                throw new Unusable(file + " is missing: issue the ministry's TLS files with 'congvu pki CA ministry "
                        + "HOME/etc/tls HOST...' (README)");
            }
            if (Files.size(file) > LARGEST_PEM) {
                throw new Unusable(file + " is over " + LARGEST_PEM + " bytes: not a PEM key or certificate");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new Unusable(file + " cannot be read by the user " + System.getProperty("user.name") + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Written anew at every start (the password is new), readable and writable by the node's user only. */
    static Path writeKeystore(Path file, PrivateKey key, List<X509Certificate> chain, String password) throws Unusable {
        try {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(null, null);
            keystore.setKeyEntry("console", key, password.toCharArray(), chain.toArray(new Certificate[0]));
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                if (posix) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(folder);
                }
            }
            Files.deleteIfExists(file);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                keystore.store(out, password.toCharArray());
            }
            return file.toAbsolutePath();
        } catch (IOException | GeneralSecurityException e) {
            throw new Unusable("cannot write the console's keystore " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the node's user must be able to write data/");
        }
    }

    private static void logCertificate(X509Certificate certificate, Path home) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant now = Instant.now();
        if (now.isAfter(notAfter)) {
            LOG.error("The web console's certificate ({}) expired on {}: browsers refuse it; issue a new one into {}",
                    certificate.getSubjectX500Principal(), notAfter, home.resolve("etc/tls"));
        } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
            LOG.warn("The web console's certificate ({}) expires on {}: issue a new one into {}",
                    certificate.getSubjectX500Principal(), notAfter, home.resolve("etc/tls"));
        }
        LOG.info("The web console is served over HTTPS with the certificate {} (until {}), keystore {}",
                certificate.getSubjectX500Principal(), notAfter, home.resolve(KEYSTORE));
    }
}
