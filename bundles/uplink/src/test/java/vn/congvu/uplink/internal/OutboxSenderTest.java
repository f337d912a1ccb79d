package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.congvu.api.AdministrativeLevel;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.federation.v1.Receipt;
import vn.congvu.federation.v1.SubmitReportRequest;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;

class OutboxSenderTest {

    private final ScriptedMinistry ministry = new ScriptedMinistry();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final String name = InProcessServerBuilder.generateName();
    private Server server;
    private OutboxSender sender;

    private void start() throws Exception {
        start(DeliveryAttempt::message);
    }

    private void start(Function<OutboxEntry, SubmitReportRequest> messages) throws Exception {
        server = InProcessServerBuilder.forName(name).addService(ministry).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
        sender = new OutboxSender(SenderConfigs.fast(), outbox, new OwnedChannel() {
            @Override
            public ManagedChannel channel() {
                return channel;
            }

            @Override
            public void close() {
                channel.shutdownNow();
            }
        }, messages);
    }

    @AfterEach
    void stop() {
        sender.close();
        server.shutdownNow();
    }

    private static Report quarter(int quarter) {
        return quarter(quarter, 1);
    }

    private static Report quarter(int quarter, int revision) {
        return new Report(new ReportKey("04", Period.parse("2022-Q" + quarter), Regime.PERIODIC), revision,
                List.of(new ModuleProvenance("caobang.dossier-timeliness", "1.0.0", "ab".repeat(32))),
                List.of(IndicatorValue.count(CoreIndicators.DOSSIER_RESOLVED, AdministrativeLevel.COMMUNE.disaggregation(),
                        quarter * 100L + revision)));
    }

    private Delivery awaitOutcome(long entryId) throws InterruptedException {
        Delivery entry = sender.awaitOutcome(entryId, Duration.ofSeconds(30)).orElseThrow();
        if (entry.state() == DeliveryState.PENDING) {
            throw new AssertionError("entry " + entryId + " still pending: " + entry);
        }
        return entry;
    }

    @Test
    void unavailableTwice_isRetriedUntilTheReceipt() throws Exception {
        ministry.failures.add(Status.UNAVAILABLE.withDescription("ministry restarting"));
        ministry.failures.add(Status.DEADLINE_EXCEEDED);
        long entry = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        start();

        Delivery delivered = awaitOutcome(entry);

        assertEquals(DeliveryState.DELIVERED, delivered.state());
        assertEquals("BNV-TEST-3", delivered.receiptId());
        assertEquals(2, delivered.attempts());
        assertEquals(List.of("1/1", "1/1", "1/1"), ministry.calls);
    }

    @Test
    void rejection_isKeptWithItsReasonsNeverRetriedAndTheQueueMovesOn() throws Exception {
        ministry.failures.add(Status.INVALID_ARGUMENT);
        long rejected = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        long next = outbox.fileReport(quarter(2), Instant.now()).outboxEntryId();
        start();

        Delivery refused = awaitOutcome(rejected);
        Delivery delivered = awaitOutcome(next);

        assertEquals(DeliveryState.REFUSED, refused.state());
        assertEquals("INVALID_ARGUMENT", refused.lastStatus());
        assertEquals(List.of(ScriptedMinistry.REJECTION), refused.problems());
        assertEquals(DeliveryState.DELIVERED, delivered.state());
        assertEquals(List.of("1/1", "2/1"), ministry.calls);
    }

    @Test
    void entries_areSentInTheOrderTheyWereFiled() throws Exception {
        for (int quarter = 1; quarter <= 4; quarter++) {
            outbox.fileReport(quarter(quarter), Instant.now());
        }
        ministry.failures.add(Status.UNAVAILABLE);
        start();

        assertEquals(0, sender.awaitDrained(Duration.ofSeconds(30)).pending());

        assertEquals(List.of("1/1", "1/1", "2/1", "3/1", "4/1"), ministry.calls);
        assertEquals(4, sender.status().delivered());
    }

    @Test
    void oldestKeyAlwaysRefused_laterKeysStillDelivered() throws Exception {
        ministry.always.put(1, Status.FAILED_PRECONDITION);
        long refused = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        for (int quarter = 2; quarter <= 4; quarter++) {
            outbox.fileReport(quarter(quarter), Instant.now());
        }
        start();

        assertEquals(0, sender.awaitDrained(Duration.ofSeconds(30)).pending());

        assertEquals(List.of("1/1", "2/1", "3/1", "4/1"), ministry.calls, "a refusal is never retried");
        OutboxEntry entry = outbox.outboxEntry(refused).orElseThrow();
        assertEquals(OutboxState.REFUSED, entry.state());
        assertEquals("FAILED_PRECONDITION", entry.lastStatus());
        assertEquals(List.of(ScriptedMinistry.REJECTION), entry.problems());
        assertEquals(List.of(Deliveries.of(entry)), sender.stuck(10));
        assertEquals(3, sender.status().delivered());
    }

    @Test
    void oldestKeyAlwaysInternal_laterKeysStillDeliveredAndItsNextRevisionWaitsBehindIt() throws Exception {
        ministry.always.put(1, Status.INTERNAL.withDescription("ministry bug"));
        long stuck = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        outbox.fileReport(quarter(2), Instant.now());
        outbox.fileReport(quarter(1, 2), Instant.now());
        outbox.fileReport(quarter(3), Instant.now());
        start();

        outbox.awaitUntil("quarters 2 and 3 delivered and quarter 1 tried three times",
                () -> sender.status().delivered() == 2 && outbox.outboxEntry(stuck).orElseThrow().attempts() >= 3,
                Duration.ofSeconds(30));

        OutboxEntry entry = outbox.outboxEntry(stuck).orElseThrow();
        assertEquals(OutboxState.PENDING, entry.state());
        assertEquals("INTERNAL", entry.lastStatus());
        assertTrue(entry.lastError().contains("ministry bug"), entry.lastError());
        assertNotNull(entry.firstFailedAt());
        assertFalse(entry.lastAttemptAt().isBefore(entry.firstFailedAt()));
        assertEquals(List.of(stuck), sender.stuck(10).stream().map(Delivery::entryId).toList());
        assertFalse(ministry.calls.contains("1/2"), "revision 2 of a key never overtakes its revision 1: " + ministry.calls);
        assertEquals(List.of("1/1", "2/1", "3/1"), ministry.calls.stream().distinct().toList());
    }

    @Test
    void keyBackoffOfAKeyTheMinistryFailsOn_growsToItsCap() throws Exception {
        ministry.always.put(1, Status.UNKNOWN);
        outbox.fileReport(quarter(1), Instant.now());
        start();

        outbox.awaitUntil("quarter 1 tried seven times", () -> ministry.callNanos.size() >= 7, Duration.ofSeconds(30));

        List<Long> at = List.copyOf(ministry.callNanos);
        long lastGap = TimeUnit.NANOSECONDS.toMillis(at.get(6) - at.get(5));
        // 10, 20, 40, 80, 160, then capped at retry.key.max.millis, jittered to at least half of it
        assertTrue(lastGap >= SenderConfigs.KEY_CAP_MILLIS / 2, "gap " + lastGap + " ms");
    }

    @Test
    void messageCannotBeBuilt_entryFailedNotRetriedAndTheQueueMovesOn() throws Exception {
        long broken = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        long next = outbox.fileReport(quarter(2), Instant.now()).outboxEntryId();
        start(entry -> {
            if (entry.entryId() == broken) {
                throw new IllegalStateException("bug while building the message");
            }
            return DeliveryAttempt.message(entry);
        });

        Delivery failed = awaitOutcome(broken);
        Delivery delivered = awaitOutcome(next);

        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals("LOCAL", failed.lastStatus());
        assertTrue(failed.lastError().contains("bug while building the message"), failed.lastError());
        assertEquals(DeliveryState.DELIVERED, delivered.state());
        assertEquals(List.of("2/1"), ministry.calls, "nothing of the failed entry was sent");
        assertEquals(1, sender.status().failed());
    }

    @Test
    void resourceExhaustedWithRetryInfo_waitsAtLeastAsLongAsTheMinistryAsked() throws Exception {
        ministry.failures.add(Status.RESOURCE_EXHAUSTED);
        long entry = outbox.fileReport(quarter(1), Instant.now()).outboxEntryId();
        start();

        assertEquals(DeliveryState.DELIVERED, awaitOutcome(entry).state());

        long waited = TimeUnit.NANOSECONDS.toMillis(ministry.callNanos.get(1) - ministry.callNanos.get(0));
        assertTrue(waited >= ScriptedMinistry.RETRY_INFO_MILLIS, "retried after " + waited + " ms");
    }
}
