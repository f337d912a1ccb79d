package vn.congvu.bench.harness;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import vn.congvu.trust.pki.CertificateAuthority;

/**
 * The run's own ministry certificate authority, made in the work folder as an operator would make the real
 * one ({@code congvu pki}): a server certificate for 127.0.0.1 per ministry home, and one client certificate
 * per province, each in its own folder (node.key.pem, node.crt.pem, ca.crt.pem, crl.pem).
 */
final class BenchPki {

    /** Long enough for any run; the CA outlives what it issues. */
    private static final Duration CA_VALIDITY = Duration.ofDays(3);
    private static final Duration VALIDITY = Duration.ofDays(2);
    /** The address the ministry's certificate names, and the one every client connects to. */
    static final String HOST = "127.0.0.1";

    private final CertificateAuthority ca;
    private final Path provinces;

    private BenchPki(CertificateAuthority ca, Path provinces) {
        this.ca = ca;
        this.provinces = provinces;
    }

    /** @param folder where the CA and the provinces' certificates go; created, must not hold a CA yet */
    static BenchPki create(Path folder) throws IOException, GeneralSecurityException {
        return new BenchPki(CertificateAuthority.create(folder.resolve("ca"), "congvu benchmark CA", CA_VALIDITY),
                folder.resolve("provinces"));
    }

    /** Issues a ministry server certificate for {@value #HOST} into a TLS folder, such as a home's etc/tls. */
    void ministry(Path tlsFolder) throws IOException, GeneralSecurityException {
        ca.issueMinistry(List.of(HOST), VALIDITY, tlsFolder);
    }

    /** Issues a province's certificate into a TLS folder, such as a province home's etc/tls. */
    void province(String code, Path tlsFolder) throws IOException, GeneralSecurityException {
        ca.issueProvince(code, VALIDITY, tlsFolder);
    }

    /**
     * Issues one certificate per province, in the run's folder.
     *
     * @return each province's channel credentials: its own certificate and key, and the CA the ministry's must
     * come from (grpc-java's stock TLS, as any client of the ministry could use)
     */
    Function<String, ChannelCredentials> provinceCredentials(List<String> codes) throws IOException, GeneralSecurityException {
        for (String code : codes) {
            Path folder = provinces.resolve(code);
            if (!Files.exists(folder.resolve(CertificateAuthority.NODE_CERTIFICATE))) {
                province(code, folder);
            }
        }
        return code -> {
            Path folder = provinces.resolve(code);
            try {
                return TlsChannelCredentials.newBuilder()
                        .keyManager(folder.resolve(CertificateAuthority.NODE_CERTIFICATE).toFile(),
                                folder.resolve(CertificateAuthority.NODE_KEY).toFile())
                        .trustManager(folder.resolve(CertificateAuthority.CA_CERTIFICATE).toFile())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("province " + code + "'s TLS files in " + folder, e);
            }
        };
    }
}
