package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.grpc.TransportSecurity;
import vn.congvu.grpc.internal.NettyGrpcTransports;
import vn.congvu.store.NodeCertificate;
import vn.congvu.trust.MinistryCertificates;
import vn.congvu.trust.NodeCredentials;
import vn.congvu.trust.pki.IssuedCertificate;

/**
 * The province's side of mutual TLS, with the node's own channel (congvu's transports, key manager and check of
 * the ministry): a certificate rotated while the province files, the ministry's host name and identity checked,
 * and what openssl sees of the ministry's port.
 */
class ProvinceChannelTlsTest {

    @TempDir
    static Path folder;
    private static TlsFederation federation;
    private static final NettyGrpcTransports TRANSPORTS = new NettyGrpcTransports();

    @BeforeAll
    static void start() throws Exception {
        federation = new TlsFederation(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        if (federation != null) {
            federation.close();
        }
    }

    /** A province node's channel: its certificate from the folder, the ministry checked against the folder's CA. */
    private static OwnedChannel nodeChannel(Path tls, int port) throws Exception {
        NodeCredentials credentials = NodeCredentials.load(tls.resolve("node.key.pem"), tls.resolve("node.crt.pem"),
                Clock.systemUTC());
        MinistryCertificates ministry = MinistryCertificates.load(tls.resolve("ca.crt.pem"), Clock.systemUTC());
        return TRANSPORTS.openChannel(new InetSocketAddress("127.0.0.1", port),
                TransportSecurity.mutualTls(credentials, ministry, credentials::refresh));
    }

    @Test
    void aCertificateRotatedWhileTheProvinceFiles_failsNoFiling_andTheMinistrySeesTheNewSerial() throws Exception {
        LoopbackMinistry ministry = federation.ministry();
        Path tls = federation.province("01", "hanoi");
        IssuedCertificate next = federation.authority().issueProvince("01", TlsFederation.YEAR, folder.resolve("hanoi-next"));
        List<String> failures = new ArrayList<>();
        int filed = 0;
        try (OwnedChannel channel = nodeChannel(tls, ministry.port())) {
            BooleanSupplier newSerialSeen = () -> ministry.store().certificates().stream().anyMatch(
                    seen -> seen.provinceCode().equals("01") && seen.serialHex().equals(next.serialHex()));
            boolean rotated = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!newSerialSeen.getAsBoolean() && System.nanoTime() < deadline) {
                try {
                    TlsFederation.file(channel.channel(), "01", 2023, ++filed);
                } catch (StatusRuntimeException e) {
                    failures.add("revision " + filed + ": " + e.getStatus());
                }
                if (filed == 20 && !rotated) {
                    // as an operator would: the new key first, then the new certificate, each replaced at once
                    TlsFederation.replace(folder.resolve("hanoi-next/node.key.pem"), tls.resolve("node.key.pem"));
                    TlsFederation.replace(folder.resolve("hanoi-next/node.crt.pem"), tls.resolve("node.crt.pem"));
                    rotated = true;
                }
            }
            assertTrue(newSerialSeen.getAsBoolean(), "the ministry never saw the new certificate; it saw "
                    + ministry.store().certificates());
            // and filing goes on with the new one
            TlsFederation.file(channel.channel(), "01", 2023, ++filed);
        }
        assertEquals(List.of(), failures);
        assertTrue(filed > 20, "filed " + filed);
        NodeCertificate latest = ministry.store().certificates().stream().filter(seen -> seen.provinceCode().equals("01"))
                .findFirst().orElseThrow();
        assertEquals(next.serialHex(), latest.serialHex());
    }

    @Test
    void aMinistryCertificateForAnotherHost_orAProvinceCertificateAsTheServer_isRefusedByTheProvince() throws Exception {
        Path province = federation.province("04", "caobang");
        Path otherHost = folder.resolve("ministry-elsewhere");
        federation.authority().issueMinistry(List.of("ministry.example"), TlsFederation.YEAR, otherHost);
        // a province's certificate (and key) serving as the ministry's: issued by the same CA, but not a server's
        Path impostor = federation.province("79", "impostor");

        for (Path serverTls : List.of(otherHost, impostor)) {
            try (LoopbackMinistry server = new LoopbackMinistry(folder.resolve("db-" + serverTls.getFileName()), serverTls);
                 OwnedChannel channel = nodeChannel(province, server.port())) {
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                        () -> TlsFederation.file(channel.channel(), "04", 2022, 1), serverTls.toString());
                assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
                assertEquals(0, server.store().countRevisions());
            }
        }
    }

    @Test
    void opensslCompletesAHandshake_onlyWithAProvinceCertificate() throws Exception {
        // TLS 1.2: the ministry checks the client's certificate before the handshake ends, so openssl's exit code
        // is the verdict (in TLS 1.3 openssl reports the connection before the ministry's alert arrives)
        Path tls = federation.province("19", "thainguyen");
        Result province = openssl(tls, "-tls1_2");
        assertEquals(0, province.exit(), province.output());
        assertTrue(province.output().contains("Verification: OK"), province.output());
        Result none = openssl(null, "-tls1_2");
        assertTrue(none.exit() != 0 && none.output().contains("alert handshake failure"), none.output());
        Result server = openssl(federation.ministryTls(), "-tls1_2");
        assertTrue(server.exit() != 0 && server.output().contains("alert"), server.output());
        Result modern = openssl(tls, "-tls1_3");
        assertEquals(0, modern.exit(), modern.output());
    }

    private record Result(int exit, String output) {
    }

    /** Runs the README's openssl s_client line against the ministry, with no input. */
    private static Result openssl(Path tls, String version) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + federation.ministry().port(), version, "-alpn", "h2", "-brief", "-verify_return_error",
                "-CAfile", federation.ministryTls().resolve("ca.crt.pem").toString()));
        if (tls != null) {
            command.addAll(List.of("-cert", tls.resolve("node.crt.pem").toString(), "-key", tls.resolve("node.key.pem").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl did not end: " + output);
        return new Result(process.exitValue(), output);
    }
}
