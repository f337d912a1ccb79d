package vn.congvu.ministry.internal;

import com.google.protobuf.Timestamp;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.NodeServiceGrpc;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.proto.ReportMessages;
import vn.congvu.trust.pki.CertificateAuthority;

/**
 * A federation for TLS tests: a real CA made in a folder, the ministry's server certificate for loopback, a real
 * ministry over mutual TLS, and stock grpc-java clients (their own TLS, PEM files) presenting a province's
 * certificate, or none.
 */
final class TlsFederation implements AutoCloseable {

    static final Duration YEAR = Duration.ofDays(365);

    private final Path folder;
    private final CertificateAuthority authority;
    private final Path ministryTls;
    private final LoopbackMinistry ministry;

    TlsFederation(Path folder) throws Exception {
        this.folder = folder;
        this.authority = CertificateAuthority.create(folder.resolve("ca"), "test CA", YEAR.multipliedBy(10));
        this.ministryTls = folder.resolve("ministry-tls");
        authority.issueMinistry(List.of("127.0.0.1", "localhost"), YEAR, ministryTls);
        this.ministry = new LoopbackMinistry(folder.resolve("db"), ministryTls);
    }

    CertificateAuthority authority() {
        return authority;
    }

    /** @return the ministry's TLS folder (node.key.pem, node.crt.pem, ca.crt.pem, crl.pem) */
    Path ministryTls() {
        return ministryTls;
    }

    LoopbackMinistry ministry() {
        return ministry;
    }

    /** @return a folder holding a new certificate of the province (node.key.pem, node.crt.pem, ca.crt.pem) */
    Path province(String code, String name) throws Exception {
        Path tls = folder.resolve(name);
        authority.issueProvince(code, YEAR, tls);
        return tls;
    }

    /** @return a stock client of the ministry presenting the certificate in the folder, or none when {@code null} */
    ManagedChannel client(Path tls) throws Exception {
        TlsChannelCredentials.Builder credentials = TlsChannelCredentials.newBuilder()
                .trustManager(ministryTls.resolve("ca.crt.pem").toFile());
        if (tls != null) {
            credentials.keyManager(tls.resolve("node.crt.pem").toFile(), tls.resolve("node.key.pem").toFile());
        }
        return Grpc.newChannelBuilderForAddress("127.0.0.1", ministry.port(), credentials.build()).build();
    }

    /** Files a valid periodic report of the province and year, with the revision. */
    static SubmitReportResponse file(io.grpc.Channel channel, String province, int year, int revision) {
        Report valid = FuzzReports.report(new ReportKey(province, Period.year(year), Regime.PERIODIC), List.of());
        Report report = new Report(valid.key(), revision, valid.modules(), valid.values(), valid.findings());
        return ReportingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS).submitReport(
                SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(report, Instant.parse("2025-01-06T02:00:00Z"))).build());
    }

    /** Sends a valid inventory of the province. */
    static void sendInventory(io.grpc.Channel channel, String province) {
        Timestamp now = Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).build();
        NodeServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS).reportInventory(
                ReportInventoryRequest.newBuilder().setProvinceCode(province).setTakenAt(now)
                        .addModules(InstalledModule.newBuilder().setModuleId("national.decree48").setVersion("1.0.0")
                                .setJarSha256("ab".repeat(32)).setProvinceCode("*").setTitleVi("Nghị định 48")
                                .setLegalBasis("Nghị định 48/2023/NĐ-CP").setSince(now)).build());
    }

    /** Replaces a file at once, as an operator's {@code mv} does. */
    static void replace(Path source, Path target) throws Exception {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws Exception {
        ministry.close();
    }
}
