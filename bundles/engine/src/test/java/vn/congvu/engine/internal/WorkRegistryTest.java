package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.engine.Progress;
import vn.congvu.engine.RunningWork;

class WorkRegistryTest {

    @Test
    void cancel_byNumberOrByOwner_reachesOnlyThatWork_andClosedWorkIsGone() {
        WorkRegistry registry = new WorkRegistry();
        RunningWork.Tracked first = registry.begin("importing a.csv", "control-1");
        RunningWork.Tracked second = registry.begin("importing b.csv", "control-2");
        RunningWork.Tracked third = registry.begin("evaluating 2022", "control-2");

        assertEquals(List.of(first, second, third), registry.running());
        assertTrue(registry.cancel(first.number()));
        assertTrue(first.cancelled());
        assertFalse(second.cancelled());
        assertEquals(2, registry.cancelOwnedBy("control-2"));
        assertTrue(second.cancelled() && third.cancelled());
        first.close();
        assertEquals(List.of(second, third), registry.running());
        assertFalse(registry.cancel(first.number()), "work that ended cannot be cancelled");
        assertEquals(0, registry.cancelOwnedBy("inbox"));
    }

    @Test
    void progress_keepsTheLatest_andALineSaysRecordsSizeRateAndTimeLeft() {
        WorkRegistry registry = new WorkRegistry();
        RunningWork.Tracked work = registry.begin("importing hồ-sơ.csv", "shell");
        Progress halfway = new Progress("importing hồ-sơ.csv", 1_200_000, 96_000_000, 192_000_000, Duration.ofSeconds(20));

        work.progress(halfway);

        assertEquals(halfway, work.latest().orElseThrow());
        assertEquals(60_000, halfway.recordsPerSecond(), 0.001);
        assertEquals(Duration.ofSeconds(20), halfway.remaining().orElseThrow());
        assertEquals("importing hồ-sơ.csv: 1.200.000 bản ghi / records, 96,0 / 192,0 MB (50%), 60.000 bản ghi/s (records/s), "
                + "còn / left ~ 20 s", halfway.line());
        assertTrue(new Progress("evaluating 2022", 10, 0, 0, Duration.ofSeconds(1)).remaining().isEmpty(),
                "no total, no time left");
    }
}
