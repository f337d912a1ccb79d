package vn.congvu.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import vn.congvu.api.Problem;
import vn.congvu.api.record.FieldSpec;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;

/**
 * Reads a record file into records of one type, collecting every error instead of stopping at the first:
 * CSV (RFC 4180 quoting, a header row naming the fields) or JSON (an array of objects, one per record).
 */
final class RecordFileReader {

    /** Past this many errors a file is hopeless; listing a million more helps nobody. */
    static final int MAX_ERRORS_LISTED = 1_000;

    /**
     * What reading a file gave: its records, or its errors.
     *
     * @param records the records, when there are no errors
     * @param errors  every error, up to {@link #MAX_ERRORS_LISTED} and a last line counting the rest
     */
    record Outcome(List<Record> records, List<Problem> errors) {
    }

    private final RecordType type;
    private final String fileName;
    private final List<Problem> errors = new ArrayList<>();
    private int errorCount;

    RecordFileReader(RecordType type, String fileName) {
        this.type = type;
        this.fileName = fileName;
    }

    /**
     * Reads a JSON array of objects; each object's members are the record's fields (strings or numbers).
     * Errors name the record by its position, counting from 1.
     */
    Outcome readJson(String text) {
        JsonArray array;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonArray()) {
                error(1, null, "json.not_an_array", "tệp JSON phải là một mảng các bản ghi", "a JSON file must be an array of records");
                return finish(List.of());
            }
            array = root.getAsJsonArray();
        } catch (JsonParseException e) {
            error(1, null, "json.malformed", "JSON không hợp lệ: " + e.getMessage(), "malformed JSON: " + e.getMessage());
            return finish(List.of());
        }
        List<Record> records = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int index = 0; index < array.size(); index++) {
            int position = index + 1;
            if (!array.get(index).isJsonObject()) {
                error(position, null, "json.not_an_object", "bản ghi phải là một đối tượng JSON", "a record must be a JSON object");
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            int errorsBefore = errorCount;
            for (Map.Entry<String, JsonElement> member : array.get(index).getAsJsonObject().entrySet()) {
                if (type.field(member.getKey()).isEmpty()) {
                    error(position, member.getKey(), "field.unknown", "trường không có trong loại bản ghi " + type.name(),
                            "not a field of record type " + type.name());
                } else if (member.getValue().isJsonPrimitive()) {
                    fields.put(member.getKey(), member.getValue().getAsString());
                } else if (!member.getValue().isJsonNull()) {
                    error(position, member.getKey(), "field.not_a_value", "phải là chuỗi hoặc số", "must be a string or a number");
                }
            }
            if (errorCount == errorsBefore) {
                add(readFields(position, fields), position, keys, records);
            }
        }
        return finish(records);
    }

    Outcome read(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        List<Record> records = new ArrayList<>();
        Map<String, Integer> columns = readHeader(lines.length == 0 ? "" : lines[0]);
        if (columns != null) {
            Set<String> keys = new HashSet<>();
            for (int index = 1; index < lines.length; index++) {
                if (lines[index].isBlank()) {
                    continue;
                }
                add(readLine(index + 1, lines[index], columns), index + 1, keys, records);
            }
        }
        return finish(records);
    }

    private void add(Record record, int line, Set<String> keys, List<Record> records) {
        if (record != null && !keys.add(record.key())) {
            error(line, type.keyField(), "record.key.duplicate", "mã '" + record.key() + "' xuất hiện hai lần trong tệp",
                    "key '" + record.key() + "' appears twice in the file");
        } else if (record != null) {
            records.add(record);
        }
    }

    private Outcome finish(List<Record> records) {
        if (errorCount > MAX_ERRORS_LISTED) {
            errors.add(Problem.permanent(fileName, "file.too_many_errors",
                    "và " + (errorCount - MAX_ERRORS_LISTED) + " lỗi khác", "and " + (errorCount - MAX_ERRORS_LISTED)
                            + " more errors"));
        }
        return errors.isEmpty() ? new Outcome(records, List.of()) : new Outcome(List.of(), errors);
    }

    private Map<String, Integer> readHeader(String header) {
        List<String> names = split(1, header);
        if (names == null || header.isBlank()) {
            error(1, null, "file.header.missing", "dòng đầu phải là tên các trường",
                    "the first line must name the fields");
            return null;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (type.field(name).isEmpty()) {
                error(1, name, "file.header.unknown_field", "trường '" + name + "' không có trong loại bản ghi "
                        + type.name(), "field '" + name + "' is not a field of record type " + type.name());
            } else if (columns.put(name, i) != null) {
                error(1, name, "file.header.duplicate_field", "trường '" + name + "' bị lặp",
                        "field '" + name + "' appears twice");
            }
        }
        for (FieldSpec field : type.fields()) {
            if (field.required() && !columns.containsKey(field.name())) {
                error(1, field.name(), "file.header.missing_field", "thiếu cột bắt buộc '" + field.name() + "'",
                        "required column '" + field.name() + "' is missing");
            }
        }
        return errorCount == 0 ? columns : null;
    }

    private Record readLine(int lineNumber, String line, Map<String, Integer> columns) {
        List<String> cells = split(lineNumber, line);
        if (cells == null) {
            return null;
        }
        if (cells.size() != columns.size()) {
            error(lineNumber, null, "line.column_count", "có " + cells.size() + " cột, dòng đầu có "
                    + columns.size(), "has " + cells.size() + " columns, the header has " + columns.size());
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        columns.forEach((name, column) -> fields.put(name, cells.get(column)));
        return readFields(lineNumber, fields);
    }

    /** Validates one record's field texts; null (and errors) when any is wrong. */
    private Record readFields(int lineNumber, Map<String, String> fields) {
        int errorsBefore = errorCount;
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : type.fields()) {
            String text = fields.getOrDefault(field.name(), "").trim();
            if (text.isEmpty()) {
                if (field.required()) {
                    error(lineNumber, field.name(), "field.required", "trường bắt buộc bị để trống",
                            "required field is empty");
                }
                continue;
            }
            if (hasControlCharacter(text)) {
                error(lineNumber, field.name(), "field.control_character", "có ký tự điều khiển",
                        "contains a control character");
                continue;
            }
            if (!field.allowedCodes().isEmpty() && !field.allowedCodes().contains(text)) {
                error(lineNumber, field.name(), "field.code.unknown", "'" + text + "' không phải là một trong "
                        + field.allowedCodes(), "'" + text + "' is not one of " + field.allowedCodes());
                continue;
            }
            try {
                values.put(field.name(), field.kind().parse(text));
            } catch (IllegalArgumentException e) {
                error(lineNumber, field.name(), "field.kind", "'" + text + "' không đúng kiểu "
                        + field.kind(), e.getMessage());
            }
        }
        return errorCount == errorsBefore ? new Record(type, values) : null;
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** Splits one line into cells, honouring quotes; null (and an error) on an unterminated quote. */
    private List<String> split(int lineNumber, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            error(lineNumber, null, "line.unterminated_quote", "dấu ngoặc kép không được đóng",
                    "a quoted cell is not closed");
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }

    private void error(int line, String field, String rule, String messageVi, String messageEn) {
        errorCount++;
        if (errors.size() < MAX_ERRORS_LISTED) {
            String where = fileName + ":" + line + (field == null ? "" : " " + field);
            errors.add(Problem.permanent(where, rule, "Dòng " + line + (field == null ? "" : ", trường " + field)
                    + ": " + messageVi, "line " + line + (field == null ? "" : ", field " + field) + ": " + messageEn));
        }
    }
}
