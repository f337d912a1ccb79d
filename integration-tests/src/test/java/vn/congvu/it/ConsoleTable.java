package vn.congvu.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table as the console's page showed it in the browser: the column keys ({@code th data-key}) and labels, and each
 * row's cells with the text shown and the cell's status ({@code td data-status}), if any.
 *
 * @param id     the table's {@code data-table} id
 * @param keys   the column keys, in order
 * @param labels the column headings, in order
 * @param rows   the rows, each cell in column order
 */
record ConsoleTable(String id, List<String> keys, List<String> labels, List<List<Cell>> rows) {

    /**
     * One cell.
     *
     * @param text   as shown
     * @param status its {@code data-status}, or null
     */
    record Cell(String text, String status) {
    }

    /** @param read what the page's script returned: {keys, labels, rows: [[{text, status}]]} */
    @SuppressWarnings("unchecked")
    static ConsoleTable of(String id, Object read) {
        Map<String, Object> table = (Map<String, Object>) read;
        List<List<Cell>> rows = new ArrayList<>();
        for (List<Map<String, Object>> row : (List<List<Map<String, Object>>>) table.get("rows")) {
            rows.add(row.stream().map(cell -> new Cell((String) cell.get("text"), (String) cell.get("status"))).toList());
        }
        return new ConsoleTable(id, List.copyOf((List<String>) table.get("keys")),
                List.copyOf((List<String>) table.get("labels")), List.copyOf(rows));
    }

    /** @return the cell of the row in the column with that key */
    Cell cell(List<Cell> row, String key) {
        int index = keys.indexOf(key);
        if (index < 0) {
            throw new AssertionError("table " + id + " has no column '" + key + "', only " + keys);
        }
        return row.get(index);
    }

    /** @return the text of the row's cell in that column */
    String text(List<Cell> row, String key) {
        return cell(row, key).text();
    }

    /** @return the texts of one column, row by row */
    List<String> column(String key) {
        return rows.stream().map(row -> text(row, key)).toList();
    }

    /** @return the first row whose cell in that column shows the text */
    Optional<List<Cell>> rowWhere(String key, String text) {
        return rows.stream().filter(row -> text(row, key).equals(text)).findFirst();
    }

    /** @return every row as its cells' texts */
    List<List<String>> texts() {
        return rows.stream().map(row -> row.stream().map(Cell::text).toList()).toList();
    }
}
