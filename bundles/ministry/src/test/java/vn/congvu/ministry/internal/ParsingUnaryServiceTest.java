package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.ReportingServiceGrpc;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.proto.ReportMessages;
import vn.congvu.store.StoreOutcome;

/**
 * A fault of the ministry while it handles a report is in its log exactly once, naming the report and carrying the
 * stack trace, so that the operator can find it from the province's INTERNAL answer.
 */
class ParsingUnaryServiceTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2023-01-10T02:00:00Z"), ZoneOffset.UTC);
    private static final Report CAO_BANG_2022 = new Report(new ReportKey("04", Period.year(2022), Regime.PERIODIC), 1,
            List.of(new ModuleProvenance("caobang.dossier-timeliness", "0.1.0", "0a".repeat(32))),
            List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.DEPARTMENT.disaggregation(), 48447),
                    IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, AdministrativeLevel.DEPARTMENT.disaggregation(), 48207)));

    /** Every event of every logger, as the node's log file would receive it. */
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void listen() {
        logged.setContext(root.getLoggerContext());
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logged);
        logged.stop();
        if (server != null) {
            channel.shutdownNow();
            server.shutdownNow();
        }
    }

    @Test
    void submit_storeThrowsUnexpectedly_isLoggedOnceAsAnErrorWithTheReportKeyAndTheStackTrace() throws Exception {
        InMemoryMinistryStore broken = new InMemoryMinistryStore() {
            @Override
            public synchronized StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt) {
                throw new IllegalStateException("a bug in the store");
            }
        };
        ReportingServiceGrpc.ReportingServiceBlockingStub ministry = serve(
                ParsingUnaryService.reporting(new ReportingEndpoint(broken, TODAY, report -> { }), 1_024));

        StatusRuntimeException answer = assertThrows(StatusRuntimeException.class, () -> ministry.submitReport(
                SubmitReportRequest.newBuilder().setReport(ReportMessages.toMessage(CAO_BANG_2022,
                        Instant.parse("2023-01-05T00:00:00Z"))).build()));

        assertEquals(Status.Code.INTERNAL, answer.getStatus().getCode());
        List<ILoggingEvent> errors = logged.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
        assertEquals(1, errors.size(), () -> "errors logged: " + errors);
        assertEquals(1, logged.list.stream().filter(event -> event.getThrowableProxy() != null).count(),
                () -> "events with a stack trace: " + logged.list);
        ILoggingEvent error = errors.get(0);
        assertEquals(ParsingUnaryService.class.getName(), error.getLoggerName());
        assertEquals("Unexpected failure while handling report 04/2022-PERIOD_KIND_YEAR-1/REGIME_PERIODIC revision 1",
                error.getFormattedMessage());
        IThrowableProxy thrown = error.getThrowableProxy();
        assertNotNull(thrown, "no stack trace with " + error);
        assertEquals(IllegalStateException.class.getName(), thrown.getClassName());
        assertEquals("a bug in the store", thrown.getMessage());
        // the stack trace leads to the store's method that failed
        assertEquals("storeReport", thrown.getStackTraceElementProxyArray()[0].getStackTraceElement().getMethodName());
    }

    /** Serves the service as the ministry does in plaintext (every caller unverified), in process. */
    private ReportingServiceGrpc.ReportingServiceBlockingStub serve(io.grpc.BindableService service) throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(service, new ProvinceAuthentication(null, null))).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return ReportingServiceGrpc.newBlockingStub(channel);
    }
}
