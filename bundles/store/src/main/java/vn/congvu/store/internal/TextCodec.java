package vn.congvu.store.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way the stores write lists of texts into one text column: fields separated by a field separator,
 * rows by a line feed, and an escape character before any character that would be misread. Every string
 * reads back exactly as written, whatever it holds (property-tested).
 *
 * <p>Escaped: the escape character itself, tab, line feed, carriage return, U+001E and U+001F, each as the
 * escape character and a letter ({@code \\ t n r v u}, with {@code \} standing for the escape character).
 * Two codecs share the rule and differ only in their characters, so that rows written before this class
 * read the same: {@link #LINES} ({@code \t}, {@code \n}, backslash) is how figures were always written, and
 * {@link #RECORDS} (U+001F, {@code \n}, U+001B) is how records were written, which never held a control
 * character.
 */
final class TextCodec {

    /** Tab-separated lines, backslash escapes: figures and refusal problems. */
    static final TextCodec LINES = new TextCodec('\t', '\\');
    /** Fields separated by U+001F, escape U+001B: imported records. */
    static final TextCodec RECORDS = new TextCodec('\u001F', '\u001B');

    /** Separates rows in every codec. */
    static final char ROW_SEPARATOR = '\n';

    private final char fieldSeparator;
    private final char escape;

    private TextCodec(char fieldSeparator, char escape) {
        this.fieldSeparator = fieldSeparator;
        this.escape = escape;
    }

    /**
     * Appends one row, without the row separator.
     *
     * @param out    where to write
     * @param fields the row's fields
     * @return out
     */
    StringBuilder appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(fieldSeparator);
            }
            appendEscaped(out, fields.get(i));
        }
        return out;
    }

    /**
     * @param rows the rows
     * @return them, each ended by the row separator
     */
    String rows(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> appendRow(out, row).append(ROW_SEPARATOR));
        return out.toString();
    }

    /**
     * @param text rows as {@link #rows} writes them (the last row separator may be missing)
     * @return the rows' fields
     */
    List<List<String>> readRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf(ROW_SEPARATOR, start);
            end = end < 0 ? text.length() : end;
            rows.add(fields(text, start, end));
            start = end + 1;
        }
        return rows;
    }

    /**
     * @param row one row as {@link #appendRow} writes it
     * @return its fields, unescaped
     */
    List<String> fields(String row) {
        return fields(row, 0, row.length());
    }

    private List<String> fields(String text, int start, int end) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == escape && i + 1 < end) {
                field.append(unescaped(text.charAt(++i)));
            } else if (c == fieldSeparator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char letter = c == escape ? c : switch (c) {
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\u001E' -> 'v';
                case '\u001F' -> 'u';
                default -> '\0';
            };
            if (letter == '\0') {
                out.append(c);
            } else {
                out.append(escape).append(letter);
            }
        }
    }

    private char unescaped(char letter) {
        return switch (letter) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'v' -> '\u001E';
            case 'u' -> '\u001F';
            default -> letter;
        };
    }
}
