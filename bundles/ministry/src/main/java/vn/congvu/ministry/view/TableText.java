package vn.congvu.ministry.view;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Table} as lines of text for a terminal: the title, the headings, one line per row with its columns
 * aligned (numbers to the right), then the notes. The Gogo commands print this, so a terminal shows what the console
 * shows, in the same order and formats.
 */
public final class TableText {

    private static final String GAP = "  ";

    private TableText() {
    }

    /**
     * @param table a table
     * @return its lines, without line separators
     */
    public static List<String> lines(Table table) {
        int[] widths = new int[table.columns().size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = table.columns().get(column).label().length();
            for (List<Cell> row : table.rows()) {
                widths[column] = Math.max(widths[column], row.get(column).text().length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(table.title());
        List<String> headings = table.columns().stream().map(Column::label).toList();
        lines.add(line(table, widths, headings));
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(Math.max(width, 1)));
        }
        lines.add(String.join(GAP, rule));
        for (List<Cell> row : table.rows()) {
            lines.add(line(table, widths, row.stream().map(Cell::text).toList()));
        }
        if (table.rows().isEmpty()) {
            lines.add("(không có dòng nào / no rows)");
        }
        table.notes().forEach(note -> lines.add("* " + note));
        return lines;
    }

    /**
     * @param tables tables
     * @return their lines, a blank line between two tables
     */
    public static String text(List<Table> tables) {
        List<String> lines = new ArrayList<>();
        for (Table table : tables) {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(lines(table));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String line(Table table, int[] widths, List<String> texts) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String text = texts.get(column);
            String padding = " ".repeat(widths[column] - text.length());
            if (column > 0) {
                line.append(GAP);
            }
            line.append(table.columns().get(column).numeric() ? padding + text : text + padding);
        }
        return line.toString().stripTrailing();
    }
}
