package vn.congvu.api.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The kind of value a record field holds, and so how its text is read. */
public enum FieldKind {
    /** Free text, kept as written (UTF-8). */
    TEXT,
    /** A calendar day, written {@code yyyy-MM-dd}. */
    DATE,
    /** A whole number. */
    INTEGER,
    /** A decimal number, written with a dot. */
    DECIMAL;

    /**
     * Reads a field's text into this kind.
     *
     * @param text the text, not empty
     * @return a {@link String}, {@link LocalDate}, {@link Long} or {@link BigDecimal}
     * @throws IllegalArgumentException saying why the text is not of this kind
     */
    public Object parse(String text) {
        try {
            return switch (this) {
                case TEXT -> text;
                case DATE -> parseDate(text);
                case INTEGER -> Long.parseLong(text);
                case DECIMAL -> new BigDecimal(text);
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (write yyyy-MM-dd, such as 2022-03-31)", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + (this == INTEGER
                    ? "a whole number" : "a decimal number (write a dot for decimals, no thousands separator)"), e);
        }
    }

    /** Reads yyyy-MM-dd by hand (several times faster than a formatter, and dates dominate records). */
    private static LocalDate parseDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (java.time.DateTimeException e) {
                    // such as 2022-02-30: the formatter below says why, in its words
                }
            }
        }
        return LocalDate.parse(text);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Writes a value of this kind back as text, so that {@code parse(format(v))} equals {@code v}.
     *
     * @param value a value this kind reads
     * @return its text
     */
    public String format(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
