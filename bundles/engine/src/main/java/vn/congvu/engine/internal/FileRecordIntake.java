package vn.congvu.engine.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Problem;
import vn.congvu.api.record.RecordType;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.ProvinceStore;

/** Imports record files (CSV, or JSON when the name ends in .json): validated whole, then stored in one transaction. */
@Component(service = RecordIntake.class)
public class FileRecordIntake implements RecordIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FileRecordIntake.class);

    private final ProvinceStore store;

    /** @param store where records are kept */
    @Activate
    public FileRecordIntake(@Reference ProvinceStore store) {
        this.store = store;
    }

    @Override
    public ImportResult importFile(Path file, String recordType) {
        String name = file.toString();
        Optional<RecordType> type = RecordTypes.byName(recordType);
        if (type.isEmpty()) {
            return refused(name, recordType, Problem.permanent(name, "record_type.unknown",
                    "Loại bản ghi '" + recordType + "' không tồn tại; các loại hợp lệ: " + typeNames(),
                    "record type '" + recordType + "' does not exist; known types: " + typeNames()));
        }
        long started = System.nanoTime();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return refused(name, recordType, Problem.permanent(name, "file.unreadable",
                    "Không đọc được tệp: " + e.getMessage(), "cannot read the file: " + e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return refused(name, recordType, Problem.permanent(name, "file.not_utf8",
                    "Tệp không phải UTF-8; hãy lưu lại với mã hóa UTF-8",
                    "the file is not UTF-8; save it again as UTF-8"));
        }
        RecordFileReader reader = new RecordFileReader(type.get(), name);
        RecordFileReader.Outcome outcome = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? reader.readJson(text) : reader.read(text);
        if (!outcome.errors().isEmpty()) {
            LOG.warn("Refused {} ({}): {} errors, first: {}", name, recordType, outcome.errors().size(),
                    outcome.errors().get(0));
            return new ImportResult(name, recordType, 0, false, outcome.errors());
        }
        long read = System.nanoTime();
        ImportSummary summary = store.importRecords(type.get(), file.getFileName().toString(), sha256(bytes),
                outcome.records());
        if (summary.alreadyKnown()) {
            LOG.info("{} was already imported on {}: nothing changed", name, summary.importedAt());
        } else {
            LOG.info("Imported {} {} records from {} in {} ms (reading and checking {} ms, storing {} ms)",
                    summary.recordCount(), recordType, name, (System.nanoTime() - started) / 1_000_000,
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        }
        return new ImportResult(name, recordType, summary.recordCount(), summary.alreadyKnown(), List.of());
    }

    private static ImportResult refused(String name, String recordType, Problem problem) {
        LOG.warn("Refused {}: {}", name, problem);
        return new ImportResult(name, recordType, 0, false, List.of(problem));
    }

    private static String typeNames() {
        return String.join(", ", RecordTypes.all().stream().map(RecordType::name).toList());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
