package vn.congvu.ministry.internal;

import com.google.rpc.Code;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import io.grpc.StatusRuntimeException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Problems;
import vn.congvu.api.Report;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.proto.DecodedReport;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.StoreBusyException;
import vn.congvu.store.StoreException;
import vn.congvu.store.StoreOutcome;

/** ReportingService: decode, validate, store with a receipt, answer. Holds no state of its own. */
final class ReportingEndpoint extends ReportingServiceGrpc.ReportingServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(ReportingEndpoint.class);
    private static final int LOGGED_PROBLEMS = 20;

    private final MinistryStore store;
    private final Clock clock;
    private final Consumer<Report> afterStore;
    private final RefusalLog refusals;

    /**
     * @param store      where reports are kept
     * @param clock      today's date, for the checks that need it
     * @param afterStore told of every report newly stored (after commit)
     */
    ReportingEndpoint(MinistryStore store, Clock clock, Consumer<Report> afterStore) {
        this.store = store;
        this.clock = clock;
        this.afterStore = afterStore;
        this.refusals = new RefusalLog(store, clock);
    }

    @Override
    public void submitReport(SubmitReportRequest request, StreamObserver<SubmitReportResponse> answer) {
        if (!request.hasReport()) {
            reject(answer, Code.INVALID_ARGUMENT, List.of(Problem.permanent("report", "report.missing",
                    "Yêu cầu không có báo cáo", "the request has no report")), 1);
            return;
        }
        Optional<StatusRuntimeException> notYours = Caller.current().refusal(request.getReport().getKey().getProvinceCode(),
                "the report", "báo cáo", true);
        if (notYours.isPresent()) {
            LOG.warn("Refused a report: {}", notYours.get().getStatus().getDescription());
            answer.onError(notYours.get());
            return;
        }
        DecodedReport decoded = ReportMessages.fromMessage(request.getReport(), Refusals.KEPT_PROBLEMS);
        if (decoded.report().isEmpty()) {
            refusals.record(request.getReport(), decoded.problems(), decoded.problemCount());
            reject(answer, Code.INVALID_ARGUMENT, decoded.problems(), decoded.problemCount());
            return;
        }
        Report report = decoded.report().get();
        // the canonical form is computed once: checked against the claim, then stored with the report
        String contentHash = report.contentHash();
        Problems problems = new Problems(Refusals.KEPT_PROBLEMS);
        ReportValidator.validate(report, contentHash, request.getReport().getContentHash(),
                LocalDate.now(clock.withZone(Period.ZONE)), problems);
        if (!problems.isEmpty()) {
            refusals.record(request.getReport(), problems.kept(), problems.count());
            reject(answer, Code.INVALID_ARGUMENT, problems.kept(), problems.count());
            return;
        }
        store(report, contentHash, ReportMessages.instant(request.getReport().getPreparedAt()), answer);
    }

    private void store(Report report, String contentHash, Instant preparedAt, StreamObserver<SubmitReportResponse> answer) {
        StoreOutcome outcome;
        try {
            outcome = store.storeReport(report, contentHash, preparedAt);
        } catch (StoreBusyException e) {
            LOG.warn("Busy: asked {} revision {} to come back in {} ms", report.key(), report.revision(), e.retryAfterMillis());
            answer.onError(Refusals.busy(e.retryAfterMillis()));
            return;
        } catch (StoreException e) {
            if (e.causedByContent()) {
                // the checks before storing should have caught it: a gap in them, not a reason to retry
                LOG.error("The store refused the content of report {} revision {}", report.key(), report.revision(), e);
                reject(answer, Code.INVALID_ARGUMENT, List.of(Problem.permanent("report", "ministry.store_refused",
                        "Cơ sở dữ liệu của Bộ Nội vụ không nhận nội dung báo cáo này (chi tiết trong nhật ký của Bộ)",
                        "the ministry's database refused this report's content (details in the ministry's log)")), 1);
                return;
            }
            LOG.error("Could not store report {} revision {}", report.key(), report.revision(), e);
            reject(answer, Code.UNAVAILABLE, List.of(new Problem("report", "ministry.store_unavailable",
                    "Bộ Nội vụ tạm thời không lưu được báo cáo; hãy gửi lại sau",
                    "the ministry cannot store reports right now; send again later", true)), 1);
            return;
        }
        if (outcome instanceof StoreOutcome.Stored stored) {
            LOG.info("Stored report {} revision {}: receipt {}", report.key(), report.revision(),
                    stored.receipt().receiptId());
            respond(answer, stored.receipt(), false);
            afterStore.accept(report);
        } else if (outcome instanceof StoreOutcome.Duplicate duplicate) {
            LOG.info("Report {} revision {} filed again: answered with its first receipt {}", report.key(),
                    report.revision(), duplicate.firstReceipt().receiptId());
            respond(answer, duplicate.firstReceipt(), true);
        } else {
            reject(answer, Code.ALREADY_EXISTS, List.of(Problem.permanent("revision", "revision.conflict",
                    "Lần gửi " + report.revision() + " đã được nộp với nội dung khác; hãy nộp lần gửi cao hơn",
                    "revision " + report.revision() + " was filed before with other content; file a higher revision")), 1);
        }
    }

    private static void respond(StreamObserver<SubmitReportResponse> answer, vn.congvu.store.Receipt receipt,
                                boolean duplicate) {
        answer.onNext(SubmitReportResponse.newBuilder().setReceipt(Receipt.newBuilder()
                .setReceiptId(receipt.receiptId())
                .setAcceptedAt(ReportMessages.timestamp(receipt.acceptedAt()))
                .setDuplicate(duplicate)).build());
        answer.onCompleted();
    }

    private static void reject(StreamObserver<SubmitReportResponse> answer, Code code, List<Problem> problems, int total) {
        LOG.warn("Refused a report ({}, {} problem(s)): {}{}", code, total,
                problems.subList(0, Math.min(problems.size(), LOGGED_PROBLEMS)),
                total > LOGGED_PROBLEMS ? " ..." : "");
        answer.onError(Refusals.status(code, problems, total));
    }
}
