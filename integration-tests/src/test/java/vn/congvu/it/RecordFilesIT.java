package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.Period;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.ImportOptions;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.engine.RunningWork;
import vn.congvu.engine.WorkWatcher;
import vn.congvu.store.OutboxStatus;
import vn.congvu.store.ProvinceStore;

/**
 * Record files in a running province node with its real store: a file written slowly into the inbox is never
 * imported in part, an import cancelled midway stores nothing, and an evaluation cancelled midway files nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordFilesIT extends CongvuTestSupport {

    private static final String HEADER = "id,level,unit,received,due,resolved\n";
    private static final long POLL_MILLIS = 100;
    private static final long SETTLE_MILLIS = 2_000;

    @Configuration
    public Option[] configuration() {
        return congvuRuntime();
    }

    @Test
    public void fileWrittenSlowlyIntoTheInbox_isNeverImportedInPart_andWholeOnceWritten() throws Exception {
        Path inbox = province().resolve("inbox");
        ProvinceStore store = service(ProvinceStore.class);
        eventually("the inbox is watched", () -> Files.isDirectory(inbox.resolve("imported")));
        long before = store.countRecords(RecordTypes.FEEDBACK);

        // a writer that pauses longer than the inbox's poll interval, even mid-line, as a slow copy does
        try (Writer writer = Files.newBufferedWriter(inbox.resolve("feedback-2022.csv"), StandardCharsets.UTF_8)) {
            writer.write("id,received,resolved,channel\n");
            for (int i = 1; i <= 6; i++) {
                writer.write("PA-" + i + ",2022-03-0" + i + ",");
                writer.flush();
                TimeUnit.MILLISECONDS.sleep(3 * POLL_MILLIS);
                writer.write("2022-03-1" + i + ",Cổng dịch vụ công\n");
                writer.flush();
                TimeUnit.MILLISECONDS.sleep(3 * POLL_MILLIS);
                assertEquals("nothing imported while the file is being written", before,
                        store.countRecords(RecordTypes.FEEDBACK));
            }
        }

        eventually("the file is imported once its writer is done", () -> listing(inbox.resolve("imported")).size() == 1);
        assertEquals(before + 6, store.countRecords(RecordTypes.FEEDBACK));
        assertEquals(List.of(), listing(inbox.resolve("rejected")));
        assertTrue(Files.readString(listing(inbox.resolve("imported")).get(0)).contains("PA-6"));
    }

    @Test
    public void importCancelledMidway_storesNothing_andTheSameFileImportsWholeAfter() throws Exception {
        Path file = province().resolve("hồ-sơ-lớn.csv");
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 100_000; i++) {
            text.append("HS-").append(i).append(",commune,UBND xã Đức Long,2022-01-03,2022-01-10,2022-01-07\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        RecordIntake intake = service(RecordIntake.class);
        RunningWork work = service(RunningWork.class);
        ProvinceStore store = service(ProvinceStore.class);
        long before = store.countRecords(RecordTypes.DOSSIER);

        ImportResult cancelled;
        try (RunningWork.Tracked tracked = work.begin("importing " + file.getFileName(), "RecordFilesIT")) {
            AtomicInteger looks = new AtomicInteger();
            // the operator's congvu:cancel arrives some 40,000 records in (the import asks once a record)
            WorkWatcher operator = new WorkWatcher() {
                @Override
                public boolean cancelled() {
                    if (looks.incrementAndGet() == 40_000) {
                        assertTrue(work.cancel(tracked.number()));
                    }
                    return tracked.cancelled();
                }
            };
            cancelled = intake.importFile(file, "dossier", ImportOptions.DEFAULT, operator);
        }

        assertTrue(cancelled.errors().toString(), cancelled.cancelled());
        assertFalse(cancelled.accepted());
        assertEquals("nothing of a cancelled import is stored", before, store.countRecords(RecordTypes.DOSSIER));
        assertEquals(List.of(), work.running());
        ImportResult again = intake.importFile(file, "dossier");
        assertTrue(again.errors().toString(), again.accepted());
        assertFalse("a cancelled import does not count as imported", again.alreadyImported());
        assertEquals(100_000, again.records());
    }

    @Test
    public void evaluationCancelledMidway_filesNothing_andTheSamePeriodFilesAfter() throws Exception {
        Path file = province().resolve("hồ-sơ-đánh-giá.csv");
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            text.append("EV-").append(i).append(",commune,UBND xã Đức Long,2022-02-03,2022-02-10,2022-02-07\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertTrue(service(RecordIntake.class).importFile(file, "dossier").accepted());
        ReportFiling filing = service(ReportFiling.class);
        ProvinceStore store = service(ProvinceStore.class);
        OutboxStatus before = store.outboxStatus();
        AtomicInteger asked = new AtomicInteger();
        // the evaluation asks once a record its modules read: this is some 10,000 records into the dossiers
        WorkWatcher operator = new WorkWatcher() {
            @Override
            public boolean cancelled() {
                return asked.incrementAndGet() > 10_000;
            }
        };

        FilingResult cancelled = filing.file(Period.year(2022), operator);

        assertFalse(cancelled.filed());
        assertEquals(cancelled.problems().toString(), List.of("evaluation.cancelled"),
                cancelled.problems().stream().map(problem -> problem.rule()).toList());
        OutboxStatus after = store.outboxStatus();
        assertEquals("nothing queued by a cancelled evaluation",
                before.pending() + before.delivered() + before.refused() + before.failed(),
                after.pending() + after.delivered() + after.refused() + after.failed());
        FilingResult filed = filing.file(Period.year(2022));
        assertTrue(filed.problems().toString(), filed.filed());
    }

    /**
     * Configures the province once for all the tests (configuring again would restart its store under the other
     * test's feet).
     *
     * @return the node's folder
     */
    private Path province() throws IOException {
        if (folder == null) {
            folder = workFolder("record-files");
            configureProvince("04", folder.resolve("province-db"), freePort());
            configureInbox(folder.resolve("inbox"), POLL_MILLIS, SETTLE_MILLIS);
        }
        return folder;
    }

    /** The node's folder, made by the first test that runs (the tests share one framework). */
    private static Path folder;

    private static List<Path> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
