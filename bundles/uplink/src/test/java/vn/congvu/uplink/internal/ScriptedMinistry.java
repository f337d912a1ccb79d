package vn.congvu.uplink.internal;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import vn.congvu.api.Problem;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.proto.ProblemMessages;

/** A ministry that answers from a script: each call takes the next answer; an empty script accepts. */
final class ScriptedMinistry extends ReportingServiceGrpc.ReportingServiceImplBase {

    /** The one reason every refusal gives. */
    static final Problem REJECTION = Problem.permanent("key.province_code", "province.unknown",
            "Mã tỉnh không có trong danh mục", "unknown province code");
    /** How long a RESOURCE_EXHAUSTED asks to wait (google.rpc.RetryInfo). */
    static final long RETRY_INFO_MILLIS = 150;

    final Deque<Status> failures = new ArrayDeque<>();
    /** Answers given every time to one quarter's reports, whatever the script says. */
    final Map<Integer, Status> always = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Long> callNanos = Collections.synchronizedList(new ArrayList<>());

    @Override
    public synchronized void submitReport(SubmitReportRequest request, StreamObserver<SubmitReportResponse> answer) {
        callNanos.add(System.nanoTime());
        int quarter = request.getReport().getKey().getPeriod().getNumber();
        calls.add(quarter + "/" + request.getReport().getRevision());
        Status failure = always.containsKey(quarter) ? always.get(quarter) : failures.poll();
        if (failure != null && failure.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
            answer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(failure.getCode().value()).setMessage("busy")
                    .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                            .setNanos((int) TimeUnit.MILLISECONDS.toNanos(RETRY_INFO_MILLIS))).build())).build()));
            return;
        }
        if (failure != null) {
            answer.onError(RetryPolicy.verdict(failure.getCode(), false) == RetryPolicy.Verdict.REFUSE
                    ? StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                            .setCode(failure.getCode().value()).setMessage("refused")
                            .addDetails(Any.pack(ProblemMessages.toRejection(List.of(REJECTION)))).build())
                    : failure.asRuntimeException());
            return;
        }
        answer.onNext(SubmitReportResponse.newBuilder().setReceipt(Receipt.newBuilder()
                .setReceiptId("BNV-TEST-" + calls.size())
                .setAcceptedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(System.currentTimeMillis() / 1000))).build());
        answer.onCompleted();
    }
}
