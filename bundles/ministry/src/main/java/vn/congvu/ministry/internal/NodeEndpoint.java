package vn.congvu.ministry.internal;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.grpc.StatusRuntimeException;
import com.google.rpc.Code;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.federation.v1.InstalledModule;
import vn.congvu.federation.v1.NodeServiceGrpc;
import vn.congvu.federation.v1.ReportInventoryRequest;
import vn.congvu.federation.v1.ReportInventoryResponse;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.NodeInventory;
import vn.congvu.store.NodeModule;
import vn.congvu.store.StoreException;

/** NodeService: records what each province node runs, so the ministry can say which rules run where. */
final class NodeEndpoint extends NodeServiceGrpc.NodeServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(NodeEndpoint.class);

    private final MinistryStore store;

    NodeEndpoint(MinistryStore store) {
        this.store = store;
    }

    @Override
    public void reportInventory(ReportInventoryRequest request, StreamObserver<ReportInventoryResponse> answer) {
        Optional<StatusRuntimeException> notYours = Caller.current().refusal(request.getProvinceCode(), "the inventory",
                "bản kê mô-đun", false);
        if (notYours.isPresent()) {
            LOG.warn("Refused an inventory: {}", notYours.get().getStatus().getDescription());
            answer.onError(notYours.get());
            return;
        }
        Problems problems = new Problems(Refusals.KEPT_PROBLEMS);
        InventoryValidator.validate(request, problems);
        if (!problems.isEmpty()) {
            LOG.warn("Refused an inventory ({} problem(s)): {}", problems.count(), problems.kept());
            answer.onError(Refusals.status(Code.INVALID_ARGUMENT, problems.kept(), problems.count()));
            return;
        }
        List<NodeModule> modules = request.getModulesList().stream().map(NodeEndpoint::module).toList();
        try {
            Instant recordedAt = store.recordInventory(new NodeInventory(request.getProvinceCode(),
                    ReportMessages.instant(request.getTakenAt()), Instant.now(), modules));
            LOG.debug("Inventory of {}: {} module(s)", request.getProvinceCode(), modules.size());
            answer.onNext(ReportInventoryResponse.newBuilder().setRecordedAt(ReportMessages.timestamp(recordedAt)).build());
            answer.onCompleted();
        } catch (StoreException e) {
            LOG.error("Could not record the inventory of {}", request.getProvinceCode(), e);
            if (e.causedByContent()) {
                answer.onError(Refusals.status(Code.INVALID_ARGUMENT, List.of(Problem.permanent("modules",
                        "ministry.store_refused", "Cơ sở dữ liệu của Bộ Nội vụ không nhận nội dung này (chi tiết trong nhật ký của Bộ)",
                        "the ministry's database refused this content (details in the ministry's log)")), 1));
                return;
            }
            answer.onError(Status.UNAVAILABLE.withDescription("the ministry cannot record inventories right now").asRuntimeException());
        }
    }

    private static NodeModule module(InstalledModule module) {
        return new NodeModule(module.getModuleId(), module.getVersion(), module.getJarSha256(), module.getProvinceCode(),
                module.getTitleVi(), module.getLegalBasis(), ReportMessages.instant(module.getSince()), module.getSigner(),
                module.getProducesList());
    }
}
