package vn.congvu.engine.internal.intake;

import java.util.List;

/**
 * What a tabular file (CSV, a spreadsheet's sheet) gives, in order: its first row naming the columns, then one
 * row per record. Each file format has its own reader; they all feed one {@link TableSink}, the validator.
 */
public interface TableSink {

    /**
     * The first row: the columns' names as written (English field names or their Vietnamese names).
     *
     * @param where the row
     * @param names the cells' texts
     */
    void header(Location where, List<String> names);

    /**
     * One record's row. A spreadsheet's date cell is given as {@code yyyy-MM-dd}, a number as written
     * without a trailing ".0" or exponent, an empty cell as "".
     *
     * @param where the row
     * @param cells the cells' texts, by column
     */
    void row(Location where, List<String> cells);

    /**
     * Something the reader could not read as rows (an unclosed quote, a broken spreadsheet). The reader goes
     * on where it can and stops where it cannot.
     *
     * @param where     where it is
     * @param rule      the error's code, such as {@code line.unterminated_quote}
     * @param messageVi what is wrong, in Vietnamese
     * @param messageEn what is wrong, in English
     */
    void malformed(Location where, String rule, String messageVi, String messageEn);

    /** @return true when the reader should stop: the import was cancelled, or there are too many errors */
    boolean stopped();
}
