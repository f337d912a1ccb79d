package vn.congvu.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Problem;
import vn.congvu.api.record.RecordType;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.engine.ImportOptions;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.WorkWatcher;
import vn.congvu.engine.internal.intake.CsvTable;
import vn.congvu.engine.internal.intake.CountingInput;
import vn.congvu.engine.internal.intake.FileHash;
import vn.congvu.engine.internal.intake.FileState;
import vn.congvu.engine.internal.intake.IntakeErrors;
import vn.congvu.engine.internal.intake.JsonRecords;
import vn.congvu.engine.internal.intake.RecordValidator;
import vn.congvu.engine.internal.intake.TextEncoding;
import vn.congvu.engine.internal.intake.Ticker;
import vn.congvu.engine.internal.intake.XlsxTable;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.ProvinceStore;

/**
 * Imports record files (CSV, JSON, xlsx) in one pass: each format's reader feeds one validator, whose valid
 * records go into a staged import of the store; the import is committed only if the whole file was valid, was
 * not cancelled, and did not change while it was read. Otherwise nothing of it is kept.
 */
@Component(service = RecordIntake.class)
public class FileRecordIntake implements RecordIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FileRecordIntake.class);

    private final ProvinceStore store;

    /** Counts and times imports for the node's metrics, when the metrics bundle runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NodeMeter meter;

    /** @param store where records are kept */
    @Activate
    public FileRecordIntake(@Reference ProvinceStore store) {
        this.store = store;
    }

    @Override
    public ImportResult importFile(Path file, String recordType, ImportOptions options, WorkWatcher watcher) {
        long started = System.nanoTime();
        ImportResult result = importUntimed(file, recordType, options, watcher);
        NodeMeter counting = meter;
        if (counting != null) {
            counting.recordImport(result.accepted(), Duration.ofNanos(System.nanoTime() - started));
        }
        return result;
    }

    private ImportResult importUntimed(Path file, String recordType, ImportOptions options, WorkWatcher watcher) {
        String name = file.toString();
        Optional<RecordType> type = RecordTypes.byName(recordType);
        if (type.isEmpty()) {
            return refused(name, recordType, "record_type.unknown",
                    "Loại bản ghi '" + recordType + "' không tồn tại; các loại hợp lệ: " + typeNames(),
                    "record type '" + recordType + "' does not exist; known types: " + typeNames());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls") || lower.endsWith(".xlsb")) {
            return refused(name, recordType, "file.xls", "Tệp .xls của Excel cũ không đọc được; trong Excel hãy lưu "
                    + "thành .xlsx hoặc CSV UTF-8", "old Excel .xls files cannot be read; in Excel, save it as .xlsx or CSV UTF-8");
        }
        Format format = lower.endsWith(".xlsx") || lower.endsWith(".xlsm") ? Format.XLSX : lower.endsWith(".json") ? Format.JSON : Format.CSV;
        try {
            if (format != Format.XLSX && options.encoding().isEmpty()) {
                Optional<TextEncoding.NotUtf8> notUtf8 = TextEncoding.checkStart(file, recordType);
                if (notUtf8.isPresent()) {
                    return refused(name, recordType, "file.not_utf8", notUtf8.get().messageVi(), notUtf8.get().messageEn());
                }
            }
            return importChecked(file, type.get(), options, watcher, format);
        } catch (CharacterCodingException e) {
            return notOfEncoding(file, recordType, options.encoding());
        } catch (IOException e) {
            return unreadable(name, recordType, e);
        }
    }

    /** The file formats, each with its own reader; told apart by the file's name. */
    private enum Format { CSV, JSON, XLSX }

    private ImportResult importChecked(Path file, RecordType type, ImportOptions options, WorkWatcher watcher,
                                       Format format) throws IOException {
        String name = file.toString();
        long started = System.nanoTime();
        FileState before = FileState.of(file);
        // hashing first is quick beside reading: a file imported before is not read and stored again to be dropped;
        // a change after this is seen by the file's state (any write moves its modification time)
        String identity = identity(FileHash.sha256(file), options);
        Optional<ImportSummary> earlier = store.importedBefore(type, identity);
        if (earlier.isPresent()) {
            LOG.info("{} was already imported on {}: nothing changed", name, earlier.get().importedAt());
            return new ImportResult(name, type.name(), earlier.get().recordCount(), true, List.of());
        }
        IntakeErrors errors = new IntakeErrors(name);
        try (ProvinceStore.StagedImport staged = store.beginImport(type, file.getFileName().toString());
             CountingInput bytes = new CountingInput(Files.newInputStream(file))) {
            // a spreadsheet is read in place (the library needs the file): its progress is in records alone
            Ticker ticker = format == Format.XLSX ? new Ticker(watcher, "importing " + file.getFileName(), () -> 0, 0)
                    : new Ticker(watcher, "importing " + file.getFileName(), bytes::count, before.size());
            RecordValidator validator = new RecordValidator(type, errors, staged::append, ticker);
            read(file, bytes, options, format, validator);
            if (ticker.cancelled()) {
                LOG.info("Import of {} cancelled after {} records: nothing stored", name, ticker.records());
                return refused(name, type.name(), ImportResult.CANCELLED, "Đã hủy việc nhập; không bản ghi nào được lưu",
                        "the import was cancelled; nothing is stored");
            }
            // a file still being written gives errors that are not its own: say it changed, not what they were
            if (!FileState.of(file).equals(before)) {
                return refused(name, type.name(), ImportResult.CHANGED_WHILE_READ, "Tệp đã thay đổi trong khi được đọc "
                        + "(vẫn đang được ghi?); không bản ghi nào được lưu, hãy nhập lại khi tệp đã ghi xong",
                        "the file changed while it was read (is it still being written?); nothing is stored, import it "
                                + "again once it is complete");
            }
            if (errors.count() > 0) {
                LOG.warn("Refused {} ({}): {} errors, first: {}", name, type.name(), errors.count(), errors.problems().get(0));
                return new ImportResult(name, type.name(), 0, false, errors.problems());
            }
            ImportSummary summary = staged.commit(identity);
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            LOG.info("Imported {} {} records from {} in {} ms ({} records/s)", summary.recordCount(), type.name(), name,
                    millis, summary.recordCount() * 1000L / millis);
            return new ImportResult(name, type.name(), summary.recordCount(), summary.alreadyKnown(), List.of());
        }
    }

    /**
     * What tells one import from another: the file's bytes, and the sheet or encoding they were read with (two
     * sheets of one workbook are two imports).
     */
    private static String identity(String sha256, ImportOptions options) {
        return options.equals(ImportOptions.DEFAULT) ? sha256 : FileHash.sha256((sha256 + "|sheet="
                + options.sheet().orElse("") + "|encoding=" + options.encoding().map(Charset::name).orElse(""))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void read(Path file, InputStream bytes, ImportOptions options, Format format, RecordValidator validator)
            throws IOException {
        Reader text = format == Format.XLSX ? null : TextEncoding.reader(bytes, options.encoding().orElse(StandardCharsets.UTF_8));
        switch (format) {
            case XLSX -> XlsxTable.read(file, options.sheet().orElse(null), validator);
            case JSON -> JsonRecords.read(text, validator);
            case CSV -> CsvTable.read(text, validator);
        }
    }

    private ImportResult notOfEncoding(Path file, String recordType, Optional<Charset> named) {
        String name = file.toString();
        if (named.isPresent()) {
            return refused(name, recordType, "file.encoding", "Tệp có byte không thuộc mã hóa " + named.get().name()
                    + "; hãy kiểm tra mã hóa của tệp", "the file holds bytes that are not " + named.get().name()
                    + "; check the file's encoding");
        }
        try {
            TextEncoding.NotUtf8 why = TextEncoding.explain(file, recordType);
            return refused(name, recordType, "file.not_utf8", why.messageVi(), why.messageEn());
        } catch (IOException e) {
            return unreadable(name, recordType, e);
        }
    }

    private static ImportResult unreadable(String name, String recordType, IOException e) {
        String vi;
        String en;
        if (e instanceof java.nio.file.NoSuchFileException) {
            vi = "không có tệp này";
            en = "there is no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            vi = "nút không có quyền đọc tệp này (người dùng " + System.getProperty("user.name") + ")";
            en = "the node may not read it (user " + System.getProperty("user.name") + ")";
        } else {
            vi = "lỗi khi đọc: " + e.getMessage();
            en = "a read error: " + e;
        }
        return refused(name, recordType, "file.unreadable", "Không đọc được tệp: " + vi, "cannot read the file: " + en);
    }

    private static ImportResult refused(String name, String recordType, String rule, String messageVi, String messageEn) {
        Problem problem = Problem.permanent(name, rule, messageVi, messageEn);
        LOG.warn("Refused {}: {}", name, problem);
        return new ImportResult(name, recordType, 0, false, List.of(problem));
    }

    private static String typeNames() {
        return String.join(", ", RecordTypes.all().stream().map(RecordType::name).toList());
    }
}
