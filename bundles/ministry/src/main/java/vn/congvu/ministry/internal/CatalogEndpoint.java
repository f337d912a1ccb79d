package vn.congvu.ministry.internal;

import io.grpc.stub.StreamObserver;
import vn.congvu.federation.v1.CatalogServiceGrpc;
import vn.congvu.federation.v1.GetCatalogRequest;
import vn.congvu.federation.v1.GetCatalogResponse;
import vn.congvu.proto.CatalogMessages;

/** CatalogService: the national indicator catalog, for clients that validate before they file. */
final class CatalogEndpoint extends CatalogServiceGrpc.CatalogServiceImplBase {

    private final GetCatalogResponse catalog = CatalogMessages.nationalCatalog();

    @Override
    public void getCatalog(GetCatalogRequest request, StreamObserver<GetCatalogResponse> answer) {
        answer.onNext(catalog);
        answer.onCompleted();
    }
}
