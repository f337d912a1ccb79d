package vn.congvu.ministry.view;

import java.util.List;
import java.util.Objects;

/**
 * A table as every output shows it: the console as HTML, CSV and JSON, the Gogo commands as text.
 *
 * @param id      a stable name, such as {@code completeness}, used in download addresses and JSON
 * @param title   the heading, in Vietnamese
 * @param columns the columns
 * @param rows    the rows, each with one cell per column
 * @param notes   what a reader needs to read it right: sources, time zone, marks explained
 */
public record Table(String id, String title, List<Column> columns, List<List<Cell>> rows, List<String> notes) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if a row's width is not the number of columns
     */
    public Table {
        Objects.requireNonNull(id, "table: id is missing");
        Objects.requireNonNull(title, "table " + id + ": title is missing");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }
}
