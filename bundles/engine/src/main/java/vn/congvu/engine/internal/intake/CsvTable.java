package vn.congvu.engine.internal.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it, and as Excel writes it in Vietnam: the separator is the one of ",", ";" or a
 * tab that the header row uses most; a quoted cell may hold separators, doubled quotes and line breaks (read as
 * a space: a field holds one line). A record's location is the line it starts on. A quote left open is refused
 * at the line it opened, and reading stops there, since nothing after it can be told apart.
 */
public final class CsvTable {

    /** A record longer than this is a quote left open (or not a record file): reading it whole would fill memory. */
    static final int MAX_RECORD_CHARS = 1 << 20;
    private static final char[] SEPARATORS = {',', ';', '\t'};

    private final Reader in;
    private final TableSink sink;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private boolean tooLong;

    private CsvTable(Reader in, TableSink sink) {
        this.in = in;
        this.sink = sink;
    }

    /**
     * Reads the whole text into the sink, stopping early when it says so.
     *
     * @param in   the text
     * @param sink the header and the rows
     * @throws IOException if the text cannot be read (a byte that is not of its encoding is one)
     */
    public static void read(Reader in, TableSink sink) throws IOException {
        new CsvTable(in, sink).readAll();
    }

    private void readAll() throws IOException {
        StringBuilder header = new StringBuilder();
        if (!rawRecord(header)) {
            if (tooLong) {
                return;
            }
            sink.malformed(Location.line(1), "file.header.missing", "tệp trống: dòng đầu phải là tên các cột",
                    "the file is empty: the first line must name the columns");
            return;
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header.deleteCharAt(0);
        }
        char separator = separatorOf(header);
        sink.header(Location.line(1), split(header, separator));
        StringBuilder raw = new StringBuilder();
        while (!sink.stopped()) {
            long start = line;
            raw.setLength(0);
            if (!rawRecord(raw)) {
                return;
            }
            List<String> cells = split(raw, separator);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // a blank line, or one of separators alone (Excel writes ";;;;;" for a formatted blank row)
            }
            sink.row(Location.line(start), cells);
        }
    }

    /**
     * Reads one record's text, up to its line break outside quotes (excluded, the line count moved past it).
     *
     * @return false at the end of the text with nothing read
     */
    private boolean rawRecord(StringBuilder raw) throws IOException {
        boolean quoted = false;
        boolean any = false;
        long opened = line;
        if (tooLong) {
            return false;
        }
        while (true) {
            if (position == limit && !fill()) {
                if (quoted) {
                    unclosed(opened);
                    raw.setLength(0);
                }
                return any;
            }
            char c = buffer[position++];
            any = true;
            if (c == '"') {
                quoted = !quoted; // a doubled quote toggles twice; split() reads it as one quote
                opened = quoted ? line : opened;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                line++;
                if (!quoted) {
                    return true;
                }
                c = '\n';
            }
            raw.append(c);
            if (raw.length() > MAX_RECORD_CHARS) {
                if (quoted) {
                    unclosed(opened);
                } else {
                    sink.malformed(Location.line(opened), "line.too_long", "dòng dài quá " + MAX_RECORD_CHARS
                            + " ký tự: đây không phải là một tệp bản ghi", "a line longer than " + MAX_RECORD_CHARS
                            + " characters: this is not a record file");
                }
                raw.setLength(0);
                position = limit;
                tooLong = true;
                return false;
            }
        }
    }

    private void unclosed(long opened) {
        sink.malformed(Location.line(opened), "line.unterminated_quote", "dấu ngoặc kép mở ở dòng này không được đóng",
                "a quote opened on this line is never closed");
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** The separator the header uses most, outside quotes; "," when it uses none (one column). */
    static char separatorOf(CharSequence header) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            quoted = c == '"' ? !quoted : quoted;
            for (int s = 0; s < SEPARATORS.length && !quoted; s++) {
                counts[s] += c == SEPARATORS[s] ? 1 : 0;
            }
        }
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) {
            best = counts[s] > counts[best] ? s : best;
        }
        return SEPARATORS[best];
    }

    /** Splits one record's text into cells, honouring quotes; line breaks inside quotes become spaces. */
    private static List<String> split(CharSequence raw, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c == '\n' ? ' ' : c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
