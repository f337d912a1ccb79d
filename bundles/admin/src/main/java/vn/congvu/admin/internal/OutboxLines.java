package vn.congvu.admin.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;

/** How an outbox entry that needs an operator's eye is written for the operator, in Vietnamese and English. */
final class OutboxLines {

    /** Times are shown as the operator's clock on the wall shows them. */
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(Period.ZONE);

    private OutboxLines() {
    }

    /**
     * @param entry a pending entry that failed at least once, or a refused or failed one
     * @return a block of lines: key, revision, state, attempts, last status and error, since when; reasons
     */
    static String stuck(Delivery entry) {
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder("  ").append(entry.report().key().provinceCode()).append(' ')
                .append(entry.report().key().period()).append(' ').append(entry.report().key().regime())
                .append(" lần / revision ").append(entry.report().revision()).append(" (mục / entry ")
                .append(entry.entryId()).append("): ").append(state(entry.state()));
        out.append(nl).append("    ").append(entry.attempts()).append(" lần thử lỗi / failed attempts")
                .append(", trạng thái cuối / last status: ").append(entry.lastStatus() == null ? "-" : entry.lastStatus());
        if (entry.firstFailedAt() != null) {
            out.append(", từ / since ").append(time(entry.firstFailedAt()));
        }
        if (entry.lastAttemptAt() != null) {
            out.append(", lần cuối / last tried ").append(time(entry.lastAttemptAt()));
        }
        if (entry.lastError() != null && !entry.lastError().isBlank()) {
            out.append(nl).append("    lỗi / error: ").append(entry.lastError());
        }
        for (Problem problem : entry.problems()) {
            out.append(nl).append("    ").append(problem.field()).append(": ").append(problem.messageVi()).append(" / ")
                    .append(problem.messageEn());
        }
        if (entry.state() == DeliveryState.REFUSED || entry.state() == DeliveryState.FAILED) {
            out.append(nl).append("    Sửa lỗi rồi nộp lại kỳ này (congvu:file ").append(entry.report().key().period())
                    .append(") / fix it, then file the period again");
        }
        return out.toString();
    }

    private static String state(DeliveryState state) {
        return switch (state) {
            case PENDING -> "đang chờ gửi lại / waiting to be retried";
            case DELIVERED -> "đã gửi / delivered";
            case REFUSED -> "Bộ Nội vụ từ chối / REFUSED by the ministry";
            case FAILED -> "lỗi tại tỉnh, chưa gửi / FAILED in this node before sending";
        };
    }

    /**
     * @param instant a moment
     * @return it as the operator's wall clock shows it, marked as Vietnam time
     */
    static String time(Instant instant) {
        return WALL.format(instant) + " (giờ VN)";
    }
}
