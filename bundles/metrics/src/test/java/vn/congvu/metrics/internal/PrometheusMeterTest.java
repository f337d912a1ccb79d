package vn.congvu.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.congvu.metrics.NodeMeter.FilingOutcome;
import vn.congvu.store.OutboxStatus;

class PrometheusMeterTest {

    private static String scrape(PrometheusMeter meter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        meter.write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fresh_everyCongvuMetricIsThereAtZero_withJvmMemory() throws IOException {
        String text = scrape(new PrometheusMeter());

        assertTrue(text.contains("congvu_filings_total{outcome=\"filed\"} 0.0"), text);
        assertTrue(text.contains("congvu_filings_total{outcome=\"not_filed\"} 0.0"), text);
        assertTrue(text.contains("congvu_refusals_total 0.0"), text);
        assertTrue(text.contains("congvu_swaps_total{outcome=\"refused\"} 0.0"), text);
        assertTrue(text.contains("congvu_record_import_duration_seconds_count{outcome=\"accepted\"} 0"), text);
        assertTrue(text.contains("congvu_evaluation_duration_seconds_count{report=\"made\"} 0"), text);
        assertTrue(text.contains("# TYPE jvm_memory_used_bytes gauge"), text);
    }

    @Test
    void work_isCountedAndTimed() throws IOException {
        PrometheusMeter meter = new PrometheusMeter();

        meter.recordImport(true, Duration.ofMillis(250));
        meter.recordImport(true, Duration.ofMillis(750));
        meter.recordImport(false, Duration.ofMillis(5));
        meter.evaluation(true, Duration.ofSeconds(2));
        meter.filing(FilingOutcome.FILED);
        meter.filing(FilingOutcome.UNCHANGED);
        meter.refusal();
        meter.swap(true);
        String text = scrape(meter);

        assertTrue(text.contains("congvu_record_import_duration_seconds_count{outcome=\"accepted\"} 2"), text);
        assertTrue(text.contains("congvu_record_import_duration_seconds_sum{outcome=\"accepted\"} 1.0"), text);
        assertTrue(text.contains("congvu_record_import_duration_seconds_count{outcome=\"refused\"} 1"), text);
        assertTrue(text.contains("congvu_evaluation_duration_seconds_bucket{report=\"made\",le=\"5.0\"} 1"), text);
        assertTrue(text.contains("congvu_evaluation_duration_seconds_bucket{report=\"made\",le=\"1.0\"} 0"), text);
        assertTrue(text.contains("congvu_filings_total{outcome=\"filed\"} 1.0"), text);
        assertTrue(text.contains("congvu_filings_total{outcome=\"unchanged\"} 1.0"), text);
        assertTrue(text.contains("congvu_refusals_total 1.0"), text);
        assertTrue(text.contains("congvu_swaps_total{outcome=\"done\"} 1.0"), text);
    }

    @Test
    void outboxGauges_showTheStoresOutboxStatus_ageFromTheOldestWaitingEntry() throws IOException {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        OutboxStatus status = new OutboxStatus(3, Optional.of(now.minusSeconds(90)), 40, 2, 1);
        PrometheusMeter meter = new PrometheusMeter();
        OutboxGauges gauges = new OutboxGauges(() -> status, Clock.fixed(now, ZoneOffset.UTC));

        meter.addCollector(gauges);
        String text = scrape(meter);

        assertTrue(text.contains("congvu_outbox_depth 3.0"), text);
        assertTrue(text.contains("congvu_outbox_oldest_age_seconds 90.0"), text);
        assertTrue(text.contains("congvu_outbox_entries{state=\"delivered\"} 40.0"), text);
        assertTrue(text.contains("congvu_outbox_entries{state=\"refused\"} 2.0"), text);
        assertTrue(text.contains("congvu_outbox_entries{state=\"failed\"} 1.0"), text);

        meter.removeCollector(gauges);
        assertTrue(!scrape(meter).contains("congvu_outbox_depth"));
    }

    @Test
    void outboxGauges_nothingWaiting_ageIsZero() throws IOException {
        PrometheusMeter meter = new PrometheusMeter();
        meter.addCollector(new OutboxGauges(() -> new OutboxStatus(0, Optional.empty(), 5, 0, 0), Clock.systemUTC()));

        String text = scrape(meter);

        assertTrue(text.contains("congvu_outbox_depth 0.0"), text);
        assertTrue(text.contains("congvu_outbox_oldest_age_seconds 0.0"), text);
    }

    @Test
    void contentType_isTheTextFormat() {
        assertEquals("text/plain; version=0.0.4; charset=utf-8", new PrometheusMeter().contentType());
    }
}
