package vn.congvu.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Problem;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;

class InboxWatcherTest {

    @TempDir
    Path inbox;

    /** Accepts every file but those named *-bad.csv; remembers what it was asked to import. */
    private final List<String> imported = new ArrayList<>();
    private final RecordIntake intake = (file, type) -> {
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
        InboxWatcher watcher = new InboxWatcher(inbox, intake, 1000, false);
        Files.writeString(inbox.resolve("inspection.observation.json"), "[]", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("dossier-2022-bad.csv"), "id\n", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("ghi-chú.txt"), "not a record file", StandardCharsets.UTF_8);

        watcher.scanOnce();
        assertEquals(List.of(), imported, "a file seen once may still be being copied");
        watcher.scanOnce();

        assertEquals(List.of("dossier dossier-2022-bad.csv", "inspection.observation inspection.observation.json"), imported);
        assertEquals(List.of("inspection.observation.json"), names(inbox.resolve("imported")));
        assertEquals(List.of("dossier-2022-bad.csv", "dossier-2022-bad.csv.errors.txt"), names(inbox.resolve("rejected")));
        try (Stream<Path> rejected = Files.list(inbox.resolve("rejected"))) {
            Path errors = rejected.filter(file -> file.toString().endsWith(".errors.txt")).findFirst().orElseThrow();
            assertTrue(Files.readString(errors).contains("dossier-2022-bad.csv:2 level: 'phường' không có trong danh mục"));
        }
        assertTrue(Files.exists(inbox.resolve("ghi-chú.txt")));
    }
}
