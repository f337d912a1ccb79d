package vn.congvu.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A rule-jar publisher made at test time, as a province's developers make theirs: a key made by the JDK's
 * {@code keytool} (its password generated here), its certificate exported as PEM for a node's
 * {@code etc/publishers/}, and jars signed by the JDK's {@code jarsigner}.
 */
final class TestPublisher {

    private final Path keystore;
    private final String alias;
    private final String password;
    private final Path certificate;

    private TestPublisher(Path keystore, String alias, String password, Path certificate) {
        this.keystore = keystore;
        this.alias = alias;
        this.password = password;
        this.certificate = certificate;
    }

    /**
     * A publisher whose certificate is valid from now for a year.
     *
     * @param folder where its key store and certificate go
     * @param name   its name (the certificate's CN)
     * @return the publisher
     */
    static TestPublisher create(Path folder, String name) throws IOException, InterruptedException {
        return create(folder, name, null, 365);
    }

    /**
     * @param folder    where its key store and certificate go
     * @param name      its name (the certificate's CN)
     * @param startDate keytool's {@code -startdate}, such as {@code -400d}; null for now
     * @param days      how many days the certificate is valid from its start
     * @return the publisher
     */
    static TestPublisher create(Path folder, String name, String startDate, int days) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        String alias = name.replaceAll("[^A-Za-z0-9]", "-").toLowerCase();
        Path keystore = folder.resolve(alias + ".p12");
        String password = UUID.randomUUID().toString();
        List<String> generate = new ArrayList<>(List.of(tool("keytool"), "-genkeypair", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password, "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name + ", O=congvu tests, C=VN", "-validity", String.valueOf(days)));
        if (startDate != null) {
            generate.addAll(List.of("-startdate", startDate));
        }
        run(generate);
        Path certificate = folder.resolve(alias + ".pem");
        run(List.of(tool("keytool"), "-exportcert", "-rfc", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-alias", alias, "-file", certificate.toString()));
        return new TestPublisher(keystore, alias, password, certificate);
    }

    /** @return the publisher's certificate (PEM), for a node's etc/publishers/ */
    Path certificate() {
        return certificate;
    }

    /**
     * Signs the jar in place, as a publisher does before sending it.
     *
     * @param jar an unsigned jar
     * @return the jar
     */
    Path sign(Path jar) throws IOException, InterruptedException {
        run(List.of(tool("jarsigner"), "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                jar.toString(), alias));
        return jar;
    }

    /**
     * Puts the certificate into a node's trusted publishers.
     *
     * @param publishers the node's etc/publishers/ folder
     */
    void trustedBy(Path publishers) throws IOException {
        Files.createDirectories(publishers);
        Files.copy(certificate, publishers.resolve(certificate.getFileName()));
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " " + command.get(1) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
