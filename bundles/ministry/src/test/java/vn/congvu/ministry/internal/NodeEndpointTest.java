package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.NodeServiceGrpc;
import vn.congvu.federation.v1.Rejection;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.store.NodeModule;

/**
 * NodeService over a real ministry (plaintext loopback, Derby): what a node says of its modules' signers and outputs
 * is kept as said.
 */
class NodeEndpointTest {

    private static final String SIGNER = "CN=Sở Nội vụ tỉnh Cao Bằng, O=UBND tỉnh Cao Bằng, C=VN (sha256 1a2b3c4d5e6f)";
    private static final Instant SINCE = Instant.parse("2026-03-01T02:00:00Z");

    @TempDir
    Path folder;
    private LoopbackMinistry ministry;

    @BeforeEach
    void start() throws Exception {
        ministry = new LoopbackMinistry(folder);
    }

    @AfterEach
    void stop() throws Exception {
        ministry.close();
    }

    private static InstalledModule module(String id, String signer) {
        Timestamp since = Timestamp.newBuilder().setSeconds(SINCE.getEpochSecond()).build();
        return InstalledModule.newBuilder().setModuleId(id).setVersion("1.2.0").setJarSha256("ab".repeat(32))
                .setProvinceCode("04").setTitleVi("Kỷ luật hành chính").setLegalBasis("Chỉ thị 26/CT-TTg")
                .setSince(since).setSigner(signer).build();
    }

    private void send(InstalledModule... modules) {
        NodeServiceGrpc.newBlockingStub(ministry.channel()).withDeadlineAfter(20, TimeUnit.SECONDS).reportInventory(
                ReportInventoryRequest.newBuilder().setProvinceCode("04")
                        .setTakenAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()))
                        .addAllModules(List.of(modules)).build());
    }

    @Test
    void inventory_eachModulesSignerStoredAsSent_emptyWhereTheNodeDidNotSay() {
        send(module("caobang.administrative-discipline", SIGNER), module("caobang.dossier-timeliness", ""));

        assertEquals(List.of(
                        new NodeModule("caobang.administrative-discipline", "1.2.0", "ab".repeat(32), "04", "Kỷ luật hành chính",
                                "Chỉ thị 26/CT-TTg", SINCE, SIGNER),
                        new NodeModule("caobang.dossier-timeliness", "1.2.0", "ab".repeat(32), "04", "Kỷ luật hành chính",
                                "Chỉ thị 26/CT-TTg", SINCE, "")),
                ministry.store().inventories().get(0).modules());
    }

    @Test
    void inventory_withASignerInDecomposedForm_isRefusedWhole_andThePreviousOneKept() throws Exception {
        send(module("caobang.administrative-discipline", SIGNER));
        String decomposed = java.text.Normalizer.normalize(SIGNER, java.text.Normalizer.Form.NFD);

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> send(module("caobang.administrative-discipline", decomposed)));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        Rejection rejection = null;
        for (Any detail : StatusProto.fromThrowable(refused).getDetailsList()) {
            if (detail.is(Rejection.class)) {
                rejection = detail.unpack(Rejection.class);
            }
        }
        assertEquals("modules[0].signer text.not_nfc", rejection.getProblems(0).getField() + " " + rejection.getProblems(0).getRule());
        assertEquals(SIGNER, ministry.store().inventories().get(0).modules().get(0).signer());
    }

    @Test
    void inventory_whatEachModuleProduces_isKeptByItsJar_andAnsweredForTheReportsThatNameIt() {
        send(module("caobang.administrative-discipline", SIGNER).toBuilder().setJarSha256("cd".repeat(32))
                .addProduces("discipline.rating").addProduces("caobang.discipline.warnings").build());

        assertEquals(List.of("caobang.discipline.warnings", "discipline.rating"),
                ministry.store().inventories().get(0).modules().get(0).produces());
        vn.congvu.api.ModuleProvenance named = new vn.congvu.api.ModuleProvenance("caobang.administrative-discipline",
                "1.2.0", "cd".repeat(32));
        assertEquals(java.util.Map.of(named, java.util.Set.of("caobang.discipline.warnings", "discipline.rating")),
                ministry.store().outputsOf("04", List.of(named)));
    }

    @Test
    void inventory_producingACodeThatIsNoIndicatorCode_isRefusedWhole_namingTheCode() throws Exception {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> send(module("caobang.administrative-discipline", SIGNER).toBuilder().addProduces("tỷ lệ").build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        Rejection rejection = null;
        for (Any detail : StatusProto.fromThrowable(refused).getDetailsList()) {
            if (detail.is(Rejection.class)) {
                rejection = detail.unpack(Rejection.class);
            }
        }
        assertEquals("modules[0].produces[0] text.not_identifier",
                rejection.getProblems(0).getField() + " " + rejection.getProblems(0).getRule());
        assertEquals(List.of(), ministry.store().inventories());
    }
}
