package vn.congvu.engine.internal.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.congvu.api.TextRules;
import vn.congvu.api.record.CodeCalendar;
import vn.congvu.api.record.FieldSpec;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;

/**
 * The one validator every file format's reader feeds: names the columns, checks each record's fields against
 * its record type, and hands the valid records on. Every error is collected, none stops the reading, so
 * that a refused file comes back with all of them.
 */
public final class RecordValidator implements TableSink {

    /** Where valid records go. */
    @FunctionalInterface
    public interface RecordSink {
        /**
         * @param record a valid record
         * @return false if a record of the same key came before in this file
         */
        boolean accept(Record record);
    }

    private final RecordType type;
    private final ColumnNames names;
    private final IntakeErrors errors;
    private final RecordSink sink;
    private final Ticker ticker;
    /** For each of the type's fields, its column in the table, or -1. */
    private int[] columns;
    private int width;
    private boolean headerBroken;

    /**
     * @param type   the records' type
     * @param errors where errors go
     * @param sink   where valid records go
     * @param ticker counts the records, and says when the work is cancelled
     */
    public RecordValidator(RecordType type, IntakeErrors errors, RecordSink sink, Ticker ticker) {
        this.type = type;
        this.names = new ColumnNames(type);
        this.errors = errors;
        this.sink = sink;
        this.ticker = ticker;
    }

    @Override
    public void header(Location where, List<String> written) {
        columns = new int[type.fields().size()];
        Arrays.fill(columns, -1);
        width = written.size();
        for (int column = 0; column < written.size(); column++) {
            String name = TextRules.nfc(written.get(column).strip());
            if (name.isEmpty()) {
                continue; // an empty column: a spreadsheet's, or the one a trailing separator makes
            }
            int field = fieldIndex(name);
            if (field < 0) {
                headerError(where, column, name, "file.header.unknown_field",
                        "cột '" + name + "' không phải là trường của loại bản ghi " + type.name() + "; các cột: " + known(),
                        "column '" + name + "' is not a field of record type " + type.name() + "; its columns: " + known());
            } else if (columns[field] >= 0) {
                headerError(where, column, name, "file.header.duplicate_field", "trường '" + type.fields().get(field).name()
                        + "' có hai cột", "field '" + type.fields().get(field).name() + "' has two columns");
            } else {
                columns[field] = column;
            }
        }
        for (int field = 0; field < columns.length; field++) {
            FieldSpec spec = type.fields().get(field);
            if (spec.required() && columns[field] < 0) {
                String vietnamese = ColumnNames.vietnameseName(type, spec.name()).map(vi -> " (" + vi + ")").orElse("");
                headerError(where, -1, spec.name(), "file.header.missing_field", "thiếu cột bắt buộc '" + spec.name() + "'"
                        + vietnamese, "required column '" + spec.name() + "'" + vietnamese + " is missing");
            }
        }
    }

    @Override
    public void row(Location where, List<String> cells) {
        if (columns == null || headerBroken) {
            return;
        }
        ticker.tick();
        if (cells.size() > width && !cells.subList(width, cells.size()).stream().allMatch(String::isBlank)
                || cells.size() < width && where.sheet() == null) {
            errors.add(where, -1, null, "line.column_count", "có " + cells.size() + " cột, dòng đầu có " + width,
                    "has " + cells.size() + " columns, the header has " + width);
            return;
        }
        String[] texts = new String[columns.length];
        for (int field = 0; field < columns.length; field++) {
            int column = columns[field];
            texts[field] = column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
        validate(where, texts, columns);
    }

    /**
     * One record given by name, as a JSON object gives it.
     *
     * @param where  where the record starts
     * @param fields each member's name (English or Vietnamese) and text
     */
    public void fields(Location where, Map<String, String> fields) {
        ticker.tick();
        String[] texts = new String[type.fields().size()];
        Arrays.fill(texts, "");
        boolean known = true;
        for (Map.Entry<String, String> member : fields.entrySet()) {
            int field = fieldIndex(member.getKey());
            if (field < 0) {
                errors.add(where, -1, member.getKey(), "field.unknown", "trường không có trong loại bản ghi " + type.name(),
                        "not a field of record type " + type.name());
                known = false;
            } else if (!texts[field].isEmpty()) {
                errors.add(where, -1, member.getKey(), "field.duplicate", "trường " + type.fields().get(field).name()
                        + " được ghi hai lần (bằng tên tiếng Anh và tiếng Việt?)", "field " + type.fields().get(field).name()
                        + " is given twice (by its English and its Vietnamese name?)");
                known = false;
            } else {
                texts[field] = member.getValue();
            }
        }
        if (known) {
            int[] noColumns = new int[texts.length];
            Arrays.fill(noColumns, -1);
            validate(where, texts, noColumns);
        }
    }

    @Override
    public void malformed(Location where, String rule, String messageVi, String messageEn) {
        errors.add(where, -1, null, rule, messageVi, messageEn);
    }

    @Override
    public boolean stopped() {
        return headerBroken || ticker.cancelled();
    }

    private void validate(Location where, String[] texts, int[] at) {
        long errorsBefore = errors.count();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int field = 0; field < texts.length; field++) {
            FieldSpec spec = type.fields().get(field);
            FieldValues.Outcome outcome = FieldValues.read(spec, texts[field]);
            if (outcome.error() != null) {
                errors.add(where, at[field], spec.name(), outcome.rule(), outcome.error().vi(), outcome.error().en());
            } else if (outcome.value() != null) {
                values.put(spec.name(), outcome.value());
            }
        }
        if (errors.count() == errorsBefore) {
            // a code the law retired is refused in a record dated after, with the act that retired it
            CodeCalendar.misuse(type, values).ifPresent(misuse -> errors.add(where, -1, misuse.field(),
                    "field.code.retired", misuse.messageVi(), misuse.messageEn()));
        }
        if (errors.count() == errorsBefore) {
            Record record = new Record(type, values);
            if (!sink.accept(record)) {
                errors.add(where, -1, type.keyField(), "record.key.duplicate", "mã '" + record.key()
                        + "' xuất hiện hai lần trong tệp", "key '" + record.key() + "' appears twice in the file");
            }
        }
    }

    private int fieldIndex(String written) {
        return names.field(written).map(name -> type.fields().indexOf(type.field(name).orElseThrow())).orElse(-1);
    }

    private void headerError(Location where, int column, String field, String rule, String vi, String en) {
        headerBroken = true;
        errors.add(where, column, field, rule, vi, en);
    }

    private String known() {
        return type.fields().stream().map(field -> field.name()
                + ColumnNames.vietnameseName(type, field.name()).map(vi -> " (" + vi + ")").orElse(""))
                .collect(Collectors.joining(", "));
    }
}
