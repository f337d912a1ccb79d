package vn.congvu.console.internal.access;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the ministry reads them: Vietnam's clock (UTC+7, no daylight saving), the zone stated. */
final class VietnamTime {

    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

    private VietnamTime() {
    }

    /** @return such as {@code 01/07/2025 09:00 (giờ Việt Nam, UTC+7)}, or "chưa / never" for null */
    static String format(Instant instant) {
        return instant == null ? "chưa / never" : FORMAT.format(instant) + " (giờ Việt Nam, UTC+7)";
    }
}
