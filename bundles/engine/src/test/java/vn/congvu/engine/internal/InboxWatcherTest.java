package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Problem;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;

class InboxWatcherTest {

    private static final long SETTLE_MILLIS = 5_000;
    private static final long SETTLE_NANOS = SETTLE_MILLIS * 1_000_000;

    @TempDir
    Path inbox;

    /** Accepts every file but those named *-bad.csv; remembers what it was asked to import. */
    private final List<String> imported = new ArrayList<>();
    private final RecordIntake intake = (file, type, options, watcher) -> {
        imported.add(type + " " + file.getFileName());
        return file.toString().endsWith("-bad.csv")
                ? new ImportResult(file.toString(), type, 0, false, List.of(Problem.permanent(file.getFileName() + ":2 level",
                        "field.code.unknown", "'phường' không có trong danh mục", "'ward' is not a level")))
                : new ImportResult(file.toString(), type, 1, false, List.of());
    };

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString().replaceFirst("^\\d{8}-\\d{6}-", "")).sorted().toList();
        }
    }

    @Test
    void scan_importsAFileOnlyOnceItHasStoppedChanging_thenFilesItAway() throws IOException {
        InboxWatcher watcher = new InboxWatcher(inbox, intake, new WorkRegistry(), 1000, SETTLE_MILLIS, false);
        Files.writeString(inbox.resolve("inspection.observation.json"), "[]", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("dossier-2022-bad.csv"), "id\n", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("ghi-chú.txt"), "not a record file", StandardCharsets.UTF_8);

        watcher.scanOnce(0);
        watcher.scanOnce(SETTLE_NANOS - 1);
        assertEquals(List.of(), imported, "a file unchanged for less than the settle time may still be being copied");
        watcher.scanOnce(SETTLE_NANOS);

        assertEquals(List.of("dossier dossier-2022-bad.csv", "inspection.observation inspection.observation.json"), imported);
        assertEquals(List.of("inspection.observation.json"), names(inbox.resolve("imported")));
        assertEquals(List.of("dossier-2022-bad.csv", "dossier-2022-bad.csv.errors.txt"), names(inbox.resolve("rejected")));
        try (Stream<Path> rejected = Files.list(inbox.resolve("rejected"))) {
            Path errors = rejected.filter(file -> file.toString().endsWith(".errors.txt")).findFirst().orElseThrow();
            assertTrue(Files.readString(errors).contains("dossier-2022-bad.csv:2 level: 'phường' không có trong danh mục"));
        }
        assertTrue(Files.exists(inbox.resolve("ghi-chú.txt")));
    }

    @Test
    void scan_fileStillBeingWritten_isImportedOnlyWholeOnceItSettles() throws IOException {
        RecordingStore store = new RecordingStore();
        InboxWatcher watcher = new InboxWatcher(inbox, new FileRecordIntake(store.store()), new WorkRegistry(), 1000,
                SETTLE_MILLIS, false);
        Path file = inbox.resolve("dossier-2022.csv");
        Files.writeString(file, HEADER + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,\nHS-2,commune,UBND", StandardCharsets.UTF_8);
        watcher.scanOnce(0);
        Files.writeString(file, " xã B,2022-01-03,2022-01-10,\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        watcher.scanOnce(SETTLE_NANOS); // it changed since the last look: it has not settled
        assertEquals(0, store.committed.size());
        Files.writeString(file, "HS-3,commune,UBND xã C,2022-01-03,2022-01-10,\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        watcher.scanOnce(2 * SETTLE_NANOS);
        watcher.scanOnce(3 * SETTLE_NANOS - 1);
        assertEquals(0, store.committed.size());

        watcher.scanOnce(3 * SETTLE_NANOS);

        assertEquals(List.of("HS-1", "HS-2", "HS-3"), store.last().stream().map(record -> record.key()).toList());
        assertEquals(List.of("dossier-2022.csv"), names(inbox.resolve("imported")));
    }

    @Test
    void scan_fileThatChangesWhileItIsRead_storesNothingAndStaysInPlace_thenImportsWhole() throws IOException {
        RecordingStore store = new RecordingStore();
        InboxWatcher watcher = new InboxWatcher(inbox, new FileRecordIntake(store.store()), new WorkRegistry(), 1000,
                SETTLE_MILLIS, false);
        Path file = inbox.resolve("dossier.csv");
        Files.writeString(file, HEADER + "HS-1,commune,UBND xã A,2022-01-03,2022-01-10,\n", StandardCharsets.UTF_8);
        // the writer goes on while the first record is being stored
        store.onAppend = record -> {
            if (record.key().equals("HS-1")) {
                append(file, "HS-2,commune,UBND xã B,2022-01-03,2022-01-10,\n");
            }
        };
        watcher.scanOnce(0);
        watcher.scanOnce(SETTLE_NANOS);

        assertEquals(0, store.committed.size());
        assertTrue(store.abandoned > 0, "what was read was abandoned");
        assertTrue(Files.exists(file), "a file that changed while it was read stays in the inbox");
        assertEquals(List.of(), names(inbox.resolve("rejected")));

        store.onAppend = record -> { };
        watcher.scanOnce(2 * SETTLE_NANOS);
        watcher.scanOnce(3 * SETTLE_NANOS);
        assertEquals(List.of("HS-1", "HS-2"), store.last().stream().map(record -> record.key()).toList());
    }

    private static final String HEADER = "id,level,unit,received,due,resolved\n";

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
