package vn.congvu.engine.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import vn.congvu.api.Problem;
import vn.congvu.api.TextRules;
import vn.congvu.api.record.CodeCalendar;
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

    /** Reads a whole JSON text; for tests and small files. */
    Outcome readJson(String text) {
        List<Record> records = new ArrayList<>();
        try {
            readJson(new StringReader(text), records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return finish(records);
    }

    /** Reads a whole CSV text; for tests and small files. */
    Outcome read(String text) {
        List<Record> records = new ArrayList<>();
        try {
            read(new BufferedReader(new StringReader(text)), records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(records);
    }

    /**
     * Reads a JSON array of objects, one at a time; each object's members are the record's fields (strings
     * or numbers). Errors name the record by its position, counting from 1.
     *
     * @param json the text
     * @param sink receives each valid record; when {@link #errors()} is not empty afterwards, the file is refused
     * @throws IOException if the text cannot be read (a malformed UTF-8 byte is one)
     */
    void readJson(Reader json, Consumer<Record> sink) throws IOException {
        JsonReader reader = new JsonReader(json);
        Set<String> keys = new HashSet<>();
        int position = 0;
        try {
            if (reader.peek() != JsonToken.BEGIN_ARRAY) {
                JsonParser.parseReader(reader); // malformed JSON says so first
                error(1, null, "json.not_an_array", "tệp JSON phải là một mảng các bản ghi", "a JSON file must be an array of records");
                return;
            }
            reader.beginArray();
            while (reader.hasNext()) {
                position++;
                JsonElement element = JsonParser.parseReader(reader);
                if (!element.isJsonObject()) {
                    error(position, null, "json.not_an_object", "bản ghi phải là một đối tượng JSON", "a record must be a JSON object");
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                int errorsBefore = errorCount;
                for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
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
                    add(readFields(position, fields), position, keys, sink);
                }
            }
            reader.endArray();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("text after the array");
            }
        } catch (JsonParseException | MalformedJsonException | IllegalStateException e) {
            error(Math.max(1, position), null, "json.malformed", "JSON không hợp lệ: " + e.getMessage(),
                    "malformed JSON: " + e.getMessage());
        } catch (java.io.EOFException e) {
            error(Math.max(1, position), null, "json.malformed", "JSON không hợp lệ: tệp kết thúc giữa chừng",
                    "malformed JSON: the file ends too early");
        }
    }

    /**
     * Reads CSV line by line: a header row naming the fields, then a record per line.
     *
     * @param lines the text
     * @param sink  receives each valid record; when {@link #errors()} is not empty afterwards, the file is refused
     * @throws IOException if the text cannot be read (a malformed UTF-8 byte is one)
     */
    void read(BufferedReader lines, Consumer<Record> sink) throws IOException {
        String header = lines.readLine();
        if (header != null && header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        Map<String, Integer> columns = readHeader(header == null ? "" : header);
        if (columns == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                add(readLine(lineNumber, line, columns), lineNumber, keys, sink);
            }
        }
    }

    /** @return every error so far, up to {@link #MAX_ERRORS_LISTED} and a last line counting the rest */
    List<Problem> errors() {
        return finish(List.of()).errors();
    }

    private void add(Record record, int line, Set<String> keys, Consumer<Record> sink) {
        if (record != null && !keys.add(record.key())) {
            error(line, type.keyField(), "record.key.duplicate", "mã '" + record.key() + "' xuất hiện hai lần trong tệp",
                    "key '" + record.key() + "' appears twice in the file");
        } else if (record != null) {
            sink.accept(record);
        }
    }

    private Outcome finish(List<Record> records) {
        List<Problem> all = new ArrayList<>(errors);
        if (errorCount > MAX_ERRORS_LISTED) {
            all.add(Problem.permanent(fileName, "file.too_many_errors",
                    "và " + (errorCount - MAX_ERRORS_LISTED) + " lỗi khác", "and " + (errorCount - MAX_ERRORS_LISTED)
                            + " more errors"));
        }
        return all.isEmpty() ? new Outcome(records, List.of()) : new Outcome(List.of(), List.copyOf(all));
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
            // NFC: the same Vietnamese words always give the same text, whatever keyboard or file they came from
            String text = TextRules.nfc(fields.getOrDefault(field.name(), "").trim());
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
        if (errorCount == errorsBefore) {
            // a code the law retired is refused in a record dated after, with the act that retired it
            CodeCalendar.misuse(type, values).ifPresent(misuse -> error(lineNumber, misuse.field(), "field.code.retired",
                    misuse.messageVi(), misuse.messageEn()));
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
        List<String> simple = splitSimple(line);
        return simple != null ? simple : splitQuoted(lineNumber, line);
    }

    /**
     * The common case without copying characters: cells that are plain, or wholly quoted without quotes
     * inside. Null when the line needs {@link #splitQuoted}.
     */
    private static List<String> splitSimple(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        int length = line.length();
        while (true) {
            int end;
            if (start < length && line.charAt(start) == '"') {
                int close = line.indexOf('"', start + 1);
                if (close < 0 || close + 1 < length && line.charAt(close + 1) != ',') {
                    return null;
                }
                cells.add(line.substring(start + 1, close));
                end = close + 1;
            } else {
                end = line.indexOf(',', start);
                end = end < 0 ? length : end;
                int quote = line.indexOf('"', start);
                if (quote >= 0 && quote < end) {
                    return null;
                }
                cells.add(line.substring(start, end));
            }
            if (end >= length) {
                return cells;
            }
            start = end + 1;
        }
    }

    private List<String> splitQuoted(int lineNumber, String line) {
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
