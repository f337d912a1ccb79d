package vn.congvu.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.store.OutboxEntry;
import vn.congvu.store.OutboxState;
import vn.congvu.store.OutboxStatus;

/**
 * The SQL of the province's outbox table: which entry goes next, what came of each attempt, and what the
 * operator is shown. Each method runs inside the caller's transaction.
 */
final class ProvinceOutbox {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProvinceOutbox.class);

    /** Entries that cannot be read, marked FAILED one after the other, before a pick gives up for now. */
    private static final int MAX_UNREADABLE_IN_A_ROW = 10;
    /** Fits the last_error column. */
    private static final int MAX_ERROR = 2000;
    /** Fits the last_status column. */
    private static final int MAX_STATUS = 32;
    /** A failure inside this node, in last_status. */
    static final String LOCAL_STATUS = "LOCAL";

    private static final String ENTRY_COLUMNS = "SELECT o.entry_id, o.state, o.attempts, o.last_error, o.receipt_id, "
            + "o.accepted_at, o.problems, r.report_id, r.province_code, r.period, r.regime, r.revision, r.prepared_at, "
            + "r.values_text, o.last_status, o.first_failed_at, o.last_attempt_at "
            + "FROM outbox o JOIN reports r ON r.report_id = o.report_id WHERE ";

    private ProvinceOutbox() {
    }

    /**
     * The entry to send next: walks the pending entries oldest first and takes the first that is its key's
     * oldest pending entry and whose key is not skipped (with nothing skipped, the first row read). An entry
     * that cannot be read back from the database (a row this version cannot decode) is marked FAILED with
     * the reason, so that it never stops the entries after it.
     */
    static Optional<OutboxEntry> next(Connection connection, Set<ReportKey> skipping) throws SQLException {
        for (int unreadable = 0; unreadable < MAX_UNREADABLE_IN_A_ROW; unreadable++) {
            Optional<Long> id = nextId(connection, skipping);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            try {
                return entry(connection, id.get());
            } catch (RuntimeException e) {
                failed(connection, id.get(), "the entry cannot be read back from this node's database: " + e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> nextId(Connection connection, Set<ReportKey> skipping) throws SQLException {
        List<Long> unreadable = new ArrayList<>();
        Long found = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT o.entry_id, r.province_code, r.period, "
                + "r.regime FROM outbox o JOIN reports r ON r.report_id = o.report_id WHERE o.state = 'PENDING' "
                + "ORDER BY o.entry_id" + (skipping.isEmpty() ? " FETCH FIRST 1 ROWS ONLY" : ""))) {
            try (ResultSet rows = query.executeQuery()) {
                Set<ReportKey> seen = new HashSet<>();
                while (found == null && rows.next()) {
                    ReportKey key;
                    try {
                        key = key(rows, 2);
                    } catch (RuntimeException e) {
                        unreadable.add(rows.getLong(1));
                        continue;
                    }
                    if (seen.add(key) && !skipping.contains(key)) {
                        found = rows.getLong(1);
                    }
                }
            }
        }
        for (long id : unreadable) {
            failed(connection, id, "the entry's report key cannot be read back from this node's database");
        }
        return Optional.ofNullable(found);
    }

    static Optional<OutboxEntry> entry(Connection connection, long entryId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ENTRY_COLUMNS + "o.entry_id = ?")) {
            query.setLong(1, entryId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(read(connection, row)) : Optional.empty();
            }
        }
    }

    /**
     * Pending entries that failed at least once, and refused or failed entries whose key has no later
     * revision (once a new revision is filed, the old refusal is history, not a task).
     */
    static List<OutboxEntry> stuck(Connection connection, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT o.entry_id FROM outbox o "
                + "JOIN reports r ON r.report_id = o.report_id WHERE (o.state = 'PENDING' AND o.attempts > 0) "
                + "OR (o.state IN ('REFUSED', 'FAILED') AND NOT EXISTS (SELECT 1 FROM reports later "
                + "WHERE later.province_code = r.province_code AND later.period = r.period "
                + "AND later.regime = r.regime AND later.revision > r.revision)) "
                + "ORDER BY o.entry_id FETCH FIRST ? ROWS ONLY")) {
            query.setInt(1, Math.max(1, limit));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        List<OutboxEntry> entries = new ArrayList<>();
        for (long id : ids) {
            try {
                entry(connection, id).ifPresent(entries::add);
            } catch (RuntimeException e) {
                // marked FAILED when it was picked; counted in the status, but it has no report to show
                LOG.warn("Outbox entry {} cannot be read back from this node's database: {}", id, e.toString());
            }
        }
        return entries;
    }

    static void delivered(Connection connection, long entryId, String receiptId, Instant acceptedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'DELIVERED', "
                + "receipt_id = ?, accepted_at = ?, last_error = NULL, last_status = 'OK', last_attempt_at = ? "
                + "WHERE entry_id = ?")) {
            update.setString(1, receiptId);
            update.setTimestamp(2, Timestamp.from(acceptedAt));
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setLong(4, entryId);
            update.executeUpdate();
        }
    }

    static void refused(Connection connection, long entryId, String status, String problemsText) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'REFUSED', problems = ?, "
                // an earlier attempt's error is not the reason: the problems are
                + "last_status = ?, last_error = NULL, last_attempt_at = ? WHERE entry_id = ?")) {
            update.setString(1, problemsText);
            update.setString(2, fit(status, MAX_STATUS));
            update.setTimestamp(3, Timestamp.from(Instant.now()));
            update.setLong(4, entryId);
            update.executeUpdate();
        }
    }

    static void failed(Connection connection, long entryId, String error) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET state = 'FAILED', "
                + "last_status = ?, last_error = ?, last_attempt_at = ?, first_failed_at = COALESCE(first_failed_at, ?) "
                + "WHERE entry_id = ?")) {
            update.setString(1, LOCAL_STATUS);
            update.setString(2, fit(error, MAX_ERROR));
            update.setTimestamp(3, now);
            update.setTimestamp(4, now);
            update.setLong(5, entryId);
            update.executeUpdate();
        }
    }

    static void failedAttempt(Connection connection, long entryId, String status, String error) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET attempts = attempts + 1, "
                + "last_status = ?, last_error = ?, last_attempt_at = ?, first_failed_at = COALESCE(first_failed_at, ?) "
                + "WHERE entry_id = ?")) {
            update.setString(1, fit(status, MAX_STATUS));
            update.setString(2, fit(error, MAX_ERROR));
            update.setTimestamp(3, now);
            update.setTimestamp(4, now);
            update.setLong(5, entryId);
            update.executeUpdate();
        }
    }

    static OutboxStatus status(Connection connection) throws SQLException {
        long[] counts = new long[OutboxState.values().length];
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT state, COUNT(*) FROM outbox GROUP BY state")) {
            while (rows.next()) {
                counts[OutboxState.valueOf(rows.getString(1)).ordinal()] = rows.getLong(2);
            }
        }
        Optional<Instant> oldest = Optional.empty();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MIN(r.prepared_at) FROM outbox o "
                     + "JOIN reports r ON r.report_id = o.report_id WHERE o.state = 'PENDING'")) {
            if (row.next() && row.getTimestamp(1) != null) {
                oldest = Optional.of(row.getTimestamp(1).toInstant());
            }
        }
        return new OutboxStatus(counts[OutboxState.PENDING.ordinal()], oldest, counts[OutboxState.DELIVERED.ordinal()],
                counts[OutboxState.REFUSED.ordinal()], counts[OutboxState.FAILED.ordinal()]);
    }

    static Optional<Period> lastFiledPeriod(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT period FROM reports ORDER BY prepared_at DESC, report_id DESC"
                     + " FETCH FIRST 1 ROWS ONLY")) {
            return row.next() ? Optional.of(Period.parse(row.getString(1))) : Optional.empty();
        }
    }

    private static OutboxEntry read(Connection connection, ResultSet row) throws SQLException {
        ReportKey key = key(row, 9);
        // the problems' CLOB first, before other statements run on the connection
        List<Problem> refusal = ProblemsText.read(row.getString(7)); // a CLOB in Derby, TEXT in PostgreSQL
        Report report = ReportRows.readContent(connection, row.getLong(8), key, row.getInt(12), row.getString(14));
        return new OutboxEntry(row.getLong(1), report, row.getTimestamp(13).toInstant(),
                OutboxState.valueOf(row.getString(2)), row.getInt(3), row.getString(15), row.getString(4),
                instant(row.getTimestamp(16)), instant(row.getTimestamp(17)), row.getString(5),
                instant(row.getTimestamp(6)), refusal);
    }

    /** The report key in three columns from {@code first}: province code, period, regime. */
    private static ReportKey key(ResultSet row, int first) throws SQLException {
        return new ReportKey(row.getString(first), Period.parse(row.getString(first + 1)),
                Regime.valueOf(row.getString(first + 2)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String fit(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() > length ? value.substring(0, length) : value;
    }
}
