package vn.congvu.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.engine.RunningWork;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.uplink.OutboxSummary;
import vn.congvu.uplink.Uplink;

/**
 * {@code congvu:outbox} shows every stuck entry as the operator needs it: how many attempts failed, the last
 * status and error, since when (on the Vietnamese wall clock), the ministry's reasons, and what to do.
 */
class OutboxLinesTest {

    private static final String NL = System.lineSeparator();

    /** 08:15 in Hà Nội. */
    private static final Instant FIRST_FAILED = Instant.parse("2026-03-02T01:15:00Z");
    private static final Instant LAST_TRIED = Instant.parse("2026-03-02T01:21:30Z");
    private static final Instant PREPARED = Instant.parse("2026-03-02T01:00:00Z");

    private static final Delivery RETRYING = new Delivery(17, report("2026-M02", 2), PREPARED, DeliveryState.PENDING,
            3, "UNAVAILABLE", "UNAVAILABLE: io exception (Connection refused: /10.0.0.5:9443)", FIRST_FAILED, LAST_TRIED,
            null, null, List.of());

    private static final Delivery REFUSED = new Delivery(9, report("2025", 1), PREPARED, DeliveryState.REFUSED,
            0, "INVALID_ARGUMENT", null, null, LAST_TRIED, null, null, List.of(
                    Problem.permanent("values[3].disaggregation", "disaggregation.unknown_code",
                            "Mã \"xã Tân Lập\" không có trong chiều level", "\"xã Tân Lập\" is not a code of dimension level"),
                    Problem.permanent("report.content_hash", "report.hash_mismatch",
                            "Mã băm không khớp với nội dung báo cáo", "the content hash does not match the report")));

    private static final Delivery FAILED = new Delivery(12, report("2026-Q1", 1), PREPARED, DeliveryState.FAILED,
            0, "LOCAL", "IllegalArgumentException: đơn vị 'UBND xã Tân Lập' has no code", FIRST_FAILED, FIRST_FAILED,
            null, null, List.of());

    private static Report report(String period, int revision) {
        return new Report(new ReportKey("04", Period.parse(period), Regime.PERIODIC), revision, List.of(), List.of());
    }

    private static String lines(String... lines) {
        return String.join(NL, lines);
    }

    @Test
    void stuck_pendingAfterFailedAttempts_showsAttemptsLastStatusSinceWhenAndTheError_noFixAdvice() {
        assertEquals(lines(
                        "  04 2026-M02 PERIODIC lần / revision 2 (mục / entry 17): đang chờ gửi lại / waiting to be retried",
                        "    3 lần thử lỗi / failed attempts, trạng thái cuối / last status: UNAVAILABLE, "
                                + "từ / since 2026-03-02 08:15:00 (giờ VN), lần cuối / last tried 2026-03-02 08:21:30 (giờ VN)",
                        "    lỗi / error: UNAVAILABLE: io exception (Connection refused: /10.0.0.5:9443)"),
                OutboxLines.stuck(RETRYING));
    }

    @Test
    void stuck_refusedAtTheFirstAttempt_showsTheStatusEveryReasonInBothLanguagesAndHowToFileAgain() {
        assertEquals(lines(
                        "  04 2025 PERIODIC lần / revision 1 (mục / entry 9): Bộ Nội vụ từ chối / REFUSED by the ministry",
                        "    0 lần thử lỗi / failed attempts, trạng thái cuối / last status: INVALID_ARGUMENT, "
                                + "lần cuối / last tried 2026-03-02 08:21:30 (giờ VN)",
                        "    values[3].disaggregation: Mã \"xã Tân Lập\" không có trong chiều level / "
                                + "\"xã Tân Lập\" is not a code of dimension level",
                        "    report.content_hash: Mã băm không khớp với nội dung báo cáo / the content hash does not match the report",
                        "    Sửa lỗi rồi nộp lại kỳ này (congvu:file 2025) / fix it, then file the period again"),
                OutboxLines.stuck(REFUSED));
    }

    @Test
    void stuck_failedInThisNodeBeforeSending_showsLocalStatusTheErrorSinceWhenAndHowToFileAgain() {
        assertEquals(lines(
                        "  04 2026-Q1 PERIODIC lần / revision 1 (mục / entry 12): lỗi tại tỉnh, chưa gửi / "
                                + "FAILED in this node before sending",
                        "    0 lần thử lỗi / failed attempts, trạng thái cuối / last status: LOCAL, "
                                + "từ / since 2026-03-02 08:15:00 (giờ VN), lần cuối / last tried 2026-03-02 08:15:00 (giờ VN)",
                        "    lỗi / error: IllegalArgumentException: đơn vị 'UBND xã Tân Lập' has no code",
                        "    Sửa lỗi rồi nộp lại kỳ này (congvu:file 2026-Q1) / fix it, then file the period again"),
                OutboxLines.stuck(FAILED));
    }

    @Test
    void stuck_neverTried_showsADashForTheLastStatusAndNoTimes() {
        Delivery neverTried = new Delivery(5, report("2026-M01", 1), PREPARED, DeliveryState.PENDING, 0, null, null,
                null, null, null, null, List.of());

        assertEquals(lines(
                        "  04 2026-M01 PERIODIC lần / revision 1 (mục / entry 5): đang chờ gửi lại / waiting to be retried",
                        "    0 lần thử lỗi / failed attempts, trạng thái cuối / last status: -"),
                OutboxLines.stuck(neverTried));
    }

    @Test
    void outbox_withStuckEntries_printsTheCountsThenOneBlockPerEntry() {
        FixedUplink uplink = new FixedUplink(new OutboxSummary(1, Optional.of(PREPARED), 40, 1, 1),
                List.of(REFUSED, FAILED, RETRYING));

        assertEquals(lines(
                        "Hộp thư đi: 1 chờ gửi (cũ nhất từ / oldest since 2026-03-02 08:00:00 (giờ VN)), 40 đã gửi, "
                                + "1 bị từ chối, 1 lỗi tại tỉnh / outbox: 1 waiting, 40 delivered, 1 refused, 1 failed",
                        "Cần xem / needs attention:",
                        OutboxLines.stuck(REFUSED),
                        OutboxLines.stuck(FAILED),
                        OutboxLines.stuck(RETRYING)),
                commands(uplink).outbox());
    }

    @Test
    void outbox_nothingStuck_printsOnlyTheCounts() {
        FixedUplink uplink = new FixedUplink(new OutboxSummary(0, Optional.empty(), 40, 0, 0), List.of());

        assertEquals("Hộp thư đi: 0 chờ gửi, 40 đã gửi, 0 bị từ chối, 0 lỗi tại tỉnh / outbox: 0 waiting, "
                + "40 delivered, 0 refused, 0 failed", commands(uplink).outbox());
    }

    @Test
    void outbox_moreThanTwentyStuck_showsTwentyAndSaysThereAreMore() {
        List<Delivery> stuck = LongStream.rangeClosed(1, 30).mapToObj(id -> new Delivery(id, report("2025", 1),
                PREPARED, DeliveryState.REFUSED, 0, "INVALID_ARGUMENT", null, null, LAST_TRIED, null, null, List.of())).toList();
        FixedUplink uplink = new FixedUplink(new OutboxSummary(0, Optional.empty(), 0, 30, 0), stuck);

        String[] printed = commands(uplink).outbox().split(NL);

        assertEquals(List.of(21), uplink.limitsAsked);
        assertEquals(20, List.of(printed).stream().filter(line -> line.contains("(mục / entry ")).count());
        assertEquals("  04 2025 PERIODIC lần / revision 1 (mục / entry 20): Bộ Nội vụ từ chối / REFUSED by the ministry",
                List.of(printed).stream().filter(line -> line.contains("(mục / entry ")).reduce((first, second) -> second)
                        .orElseThrow());
        assertEquals("  ... và các mục khác / and more", printed[printed.length - 1]);
    }

    private static ProvinceCommands commands(Uplink uplink) {
        return new ProvinceCommands(unused(RecordIntake.class), unused(ReportFiling.class), uplink, unused(RunningWork.class));
    }

    /** A collaborator that {@code congvu:outbox} must not use. */
    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            throw new UnsupportedOperationException("congvu:outbox called " + type.getSimpleName() + "." + method.getName());
        }));
    }

    /** An uplink whose outbox stands still: a fixed status and fixed stuck entries, oldest first. */
    private static final class FixedUplink implements Uplink {
        private final OutboxSummary status;
        private final List<Delivery> stuck;
        private final List<Integer> limitsAsked = new ArrayList<>();

        FixedUplink(OutboxSummary status, List<Delivery> stuck) {
            this.status = status;
            this.stuck = stuck;
        }

        @Override
        public OutboxSummary status() {
            return status;
        }

        @Override
        public List<Delivery> stuck(int limit) {
            limitsAsked.add(limit);
            return stuck.stream().limit(limit).toList();
        }

        @Override
        public Optional<Delivery> awaitOutcome(long outboxEntryId, Duration timeout) {
            throw new UnsupportedOperationException("awaitOutcome");
        }

        @Override
        public OutboxSummary awaitDrained(Duration timeout) {
            throw new UnsupportedOperationException("awaitDrained");
        }
    }
}
