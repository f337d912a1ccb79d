package vn.congvu.ministry.internal;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Province;
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
        if (Province.byCode(request.getProvinceCode()).isEmpty()) {
            answer.onError(Status.INVALID_ARGUMENT.withDescription("province code '" + request.getProvinceCode()
                    + "' is not one of the 63 official codes").asRuntimeException());
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
            answer.onError(Status.UNAVAILABLE.withDescription("the ministry cannot record inventories right now").asRuntimeException());
        }
    }

    private static NodeModule module(InstalledModule module) {
        return new NodeModule(module.getModuleId(), module.getVersion(), module.getJarSha256(), module.getProvinceCode(),
                module.getTitleVi(), module.getLegalBasis(), ReportMessages.instant(module.getSince()));
    }
}
