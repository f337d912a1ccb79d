package vn.congvu.engine.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Problem;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.metrics.NodeMeter;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.ProvinceStore;

/** Imports record files (CSV, or JSON when the name ends in .json): validated whole, then stored in one transaction. */
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
    public ImportResult importFile(Path file, String recordType) {
        long started = System.nanoTime();
        ImportResult result = importUntimed(file, recordType);
        NodeMeter counting = meter;
        if (counting != null) {
            counting.recordImport(result.accepted(), Duration.ofNanos(System.nanoTime() - started));
        }
        return result;
    }

    private ImportResult importUntimed(Path file, String recordType) {
        String name = file.toString();
        Optional<RecordType> type = RecordTypes.byName(recordType);
        if (type.isEmpty()) {
            return refused(name, recordType, Problem.permanent(name, "record_type.unknown",
                    "Loại bản ghi '" + recordType + "' không tồn tại; các loại hợp lệ: " + typeNames(),
                    "record type '" + recordType + "' does not exist; known types: " + typeNames()));
        }
        long started = System.nanoTime();
        boolean json = name.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        // first pass: check every record, keeping none (a file is refused whole, with every error listed)
        RecordFileReader checker = new RecordFileReader(type.get(), name);
        int[] count = {0};
        String sha256;
        try {
            sha256 = read(file, json, checker, record -> count[0]++);
        } catch (CharacterCodingException e) {
            return refused(name, recordType, Problem.permanent(name, "file.not_utf8",
                    "Tệp không phải UTF-8; hãy lưu lại với mã hóa UTF-8",
                    "the file is not UTF-8; save it again as UTF-8"));
        } catch (IOException e) {
            return refused(name, recordType, Problem.permanent(name, "file.unreadable",
                    "Không đọc được tệp: " + e.getMessage(), "cannot read the file: " + e));
        }
        if (!checker.errors().isEmpty()) {
            LOG.warn("Refused {} ({}): {} errors, first: {}", name, recordType, checker.errors().size(),
                    checker.errors().get(0));
            return new ImportResult(name, recordType, 0, false, checker.errors());
        }
        long checked = System.nanoTime();
        // second pass, inside the store's transaction: the same records, a chunk at a time
        ImportSummary summary = store.importRecords(type.get(), file.getFileName().toString(), sha256, count[0], sink -> {
            RecordFileReader again = new RecordFileReader(type.get(), name);
            String shaAgain;
            try {
                shaAgain = read(file, json, again, sink);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " again to store it", e);
            }
            if (!shaAgain.equals(sha256) || !again.errors().isEmpty()) {
                throw new IllegalStateException(name + " changed while it was imported; nothing imported, import it again");
            }
        });
        if (summary.alreadyKnown()) {
            LOG.info("{} was already imported on {}: nothing changed", name, summary.importedAt());
        } else {
            LOG.info("Imported {} {} records from {} in {} ms (reading and checking {} ms, storing {} ms)",
                    summary.recordCount(), recordType, name, (System.nanoTime() - started) / 1_000_000,
                    (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        }
        return new ImportResult(name, recordType, summary.recordCount(), summary.alreadyKnown(), List.of());
    }

    /**
     * Reads the file once, strictly as UTF-8, handing its valid records to the sink.
     *
     * @return the SHA-256 of its bytes
     */
    private static String read(Path file, boolean json, RecordFileReader reader, Consumer<Record> sink)
            throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        try (InputStream bytes = new DigestInputStream(Files.newInputStream(file), digest);
             BufferedReader text = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            if (json) {
                reader.readJson(text, sink);
            } else {
                reader.read(text, sink);
            }
            bytes.transferTo(OutputStream.nullOutputStream()); // what the reader left unread still counts
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ImportResult refused(String name, String recordType, Problem problem) {
        LOG.warn("Refused {}: {}", name, problem);
        return new ImportResult(name, recordType, 0, false, List.of(problem));
    }

    private static String typeNames() {
        return String.join(", ", RecordTypes.all().stream().map(RecordType::name).toList());
    }
}
