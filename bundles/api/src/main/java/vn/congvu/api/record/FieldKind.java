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
                case DATE -> LocalDate.parse(text);
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
