package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import vn.congvu.api.Period;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.store.MinistryStore;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.uplink.Uplink;

/**
 * The ambiguous acknowledgement: the ministry stores a report and issues its receipt, but the answer never
 * reaches the province. An interceptor on the real ministry server loses every other answer after the
 * report was committed; the province retries, the ministry answers with the first receipt, and nothing
 * is stored twice.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AmbiguousAcknowledgementIT extends CongvuTestSupport {

    /** Loses the answer of report submissions 1, 3, 5, ... up to a limit: the handler has run, the province hears UNAVAILABLE. */
    static final class LoseEveryOtherAnswer implements ServerInterceptor {
        private final AtomicInteger calls = new AtomicInteger();
        private final int limit;
        final AtomicInteger lost = new AtomicInteger();

        LoseEveryOtherAnswer(int limit) {
            this.limit = limit;
        }

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            if (!call.getMethodDescriptor().getFullMethodName().equals(ReportingServiceGrpc.getSubmitReportMethod().getFullMethodName())) {
                return next.startCall(call, headers); // the node's inventory reports are not this test's business
            }
            int number = calls.incrementAndGet();
            if (number % 2 == 0 || number > limit) {
                return next.startCall(call, headers);
            }
            return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<Q, A>(call) {
                @Override
                public void sendMessage(A message) {
                    lost.incrementAndGet(); // the receipt was issued and committed; the province never sees it
                }

                @Override
                public void close(Status status, Metadata trailers) {
                    super.close(status.isOk() ? Status.UNAVAILABLE.withDescription("the answer was lost on the way") : status,
                            trailers);
                }
            }, headers);
        }
    }

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    @Test
    public void answerLostAfterCommit_provinceRetries_ministryAnswersWithTheFirstReceiptAndStoresOnce() throws Exception {
        LoseEveryOtherAnswer interceptor = new LoseEveryOtherAnswer(24);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("congvu.grpc.server", "ministry");
        context.registerService(ServerInterceptor.class, interceptor, properties);
        Path folder = workFolder("ambiguous");
        configureCaoBangAndMinistry(folder);
        Path dossiers = folder.resolve("hồ-sơ-2022.csv");
        List<String> lines = new ArrayList<>(List.of("id,level,unit,received,due,resolved"));
        for (int month = 1; month <= 12; month++) {
            lines.add(String.format("HS-%02d,commune,UBND xã Đức Long,2022-%02d-01,2022-%02d-10,2022-%02d-0%d", month, month, month, month,
                    1 + month % 9));
        }
        Files.write(dossiers, lines, StandardCharsets.UTF_8);
        assertTrue(service(RecordIntake.class).importFile(dossiers, "dossier").accepted());

        List<FilingResult> filings = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            FilingResult filing = service(ReportFiling.class).file(Period.parse(String.format("2022-M%02d", month)));
            assertTrue(filing.problems().toString(), filing.filed());
            filings.add(filing);
        }

        for (FilingResult filing : filings) {
            Delivery entry = service(Uplink.class).awaitOutcome(filing.outboxEntryId(), Duration.ofSeconds(60)).orElseThrow();
            assertEquals(entry.lastError(), DeliveryState.DELIVERED, entry.state());
            assertEquals("one lost answer, then the first receipt", 1, entry.attempts());
            assertEquals(service(ReportQueries.class).latest(filing.report().get().key()).orElseThrow().receiptId(),
                    entry.receiptId());
        }
        assertEquals(12, interceptor.lost.get());
        assertEquals("every report stored once", 12, service(MinistryStore.class).countRevisions());
        storedOnce();
    }

    /** What a variant of this test checks more, once every report was stored once (nothing here). */
    protected void storedOnce() throws Exception {
        // the Derby store's count above says it
    }
}
