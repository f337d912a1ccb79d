package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Downloads from the console as another program would: over HTTPS trusting only the test's CA (the ministry's
 * certificate is checked, host name included), with the browser's session cookie or none, never following redirects
 * (a redirect to the sign-in page is an answer the tests look at).
 */
final class ConsoleClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    /** @param caCertificate the test CA's certificate (PEM), the only one trusted */
    ConsoleClient(Path caCertificate) throws IOException {
        try (InputStream pem = Files.newInputStream(caCertificate)) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("congvu-test-ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            client = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(TIMEOUT).build();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the test CA in " + caCertificate, e);
        }
    }

    /**
     * @param address the address, HTTPS or plain HTTP
     * @param session the {@code congvu_session} cookie's value, or null for none
     * @return the answer, its body as bytes (a CSV's byte order mark is part of what is checked)
     */
    HttpResponse<byte[]> get(URI address, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(TIMEOUT).GET();
        if (session != null) {
            request.header("Cookie", "congvu_session=" + session);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Downloads a table as CSV, as Excel must be able to open it: an attachment, UTF-8 with a byte order mark.
     *
     * @return its records, the headings first
     */
    List<List<String>> csv(URI address, String session) throws IOException, InterruptedException {
        HttpResponse<byte[]> csv = get(address, session);
        byte[] bytes = csv.body();
        assertEquals(200, csv.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").replace(" ", "")
                .toLowerCase(Locale.ROOT));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), csv.headers().toString());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 byte order mark");
        return TextTables.csv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }
}
