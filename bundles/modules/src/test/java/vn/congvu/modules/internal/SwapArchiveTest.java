package vn.congvu.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.modules.SwapAction;
import vn.congvu.modules.SwapRecord;

class SwapArchiveTest {

    @TempDir
    Path folder;

    @Test
    void history_survivesARestart_inUtf8_andSkipsALineCutShortByACrash() throws IOException {
        SwapArchive archive = new SwapArchive(folder);
        SwapRecord install = new SwapRecord(Instant.parse("2026-11-23T01:00:00Z"), SwapAction.INSTALL, "vn.congvu.rules.caobang",
                null, null, "1.0.0", "a".repeat(64), true, "serving after 40 ms");
        SwapRecord refused = new SwapRecord(Instant.parse("2026-11-23T02:00:00Z"), SwapAction.UPDATE, "vn.congvu.rules.caobang",
                "1.0.0", "a".repeat(64), "2.0.0", "b".repeat(64), false, "thiếu gói\tcom.example.pdf\nvà hơn nữa");
        archive.record(install);
        archive.record(refused);
        Files.writeString(folder.resolve("history.tsv"), "2026-11-23T03:00:00Z\tUPDATE\tvn.co", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        List<SwapRecord> history = new SwapArchive(folder).history();

        assertEquals(2, history.size());
        assertEquals(install, history.get(0));
        assertEquals("thiếu gói com.example.pdf và hơn nữa", history.get(1).note());
        assertEquals(SwapAction.UPDATE, history.get(1).action());
        assertEquals(folder.resolve("vn.congvu.rules.caobang").resolve("2.0.0-bbbbbbbbbbbb.jar"),
                archive.pathOf("vn.congvu.rules.caobang", "2.0.0", "b".repeat(64)));
    }
}
