package vn.congvu.console.internal.pages;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Table;

/**
 * A table as CSV that Excel opens correctly: UTF-8 with a byte order mark (without it Excel reads Vietnamese as
 * Windows-1252), RFC 4180 quoting, CRLF line ends, the headings as the first row. Text is as the console shows it;
 * a number is written plain ({@code 48207}, a rate as its percentage {@code 99.5037}, its heading marked {@code (%)}):
 * the page's {@code 48.207} would be read by an English Excel as forty-eight point two, a thousand times too small.
 */
final class TableCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TableCsv() {
    }

    /** @return the table's bytes, the BOM first */
    static byte[] bytes(Table table) {
        StringBuilder csv = new StringBuilder();
        List<String> headings = new java.util.ArrayList<>();
        for (int column = 0; column < table.columns().size(); column++) {
            int index = column;
            // a column of rates only; where rates and counts share a column, its unit column says which is which
            List<Cell> numbers = table.rows().stream().map(row -> row.get(index))
                    .filter(cell -> cell.value() instanceof BigDecimal).toList();
            boolean percent = !numbers.isEmpty() && numbers.stream().allMatch(cell -> cell.text().endsWith("%"));
            headings.add(table.columns().get(column).label() + (percent ? " (%)" : ""));
        }
        csv.append(row(headings));
        for (List<Cell> row : table.rows()) {
            csv.append(row(row.stream().map(TableCsv::shown).toList()));
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static String shown(Cell cell) {
        return cell.value() instanceof BigDecimal number ? number.toPlainString() : cell.text();
    }

    private static String row(List<String> fields) {
        return fields.stream().map(TableCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    /**
     * Quoted when it holds a comma, quote or line end. A field Excel would take for a formula (starting with = + - @,
     * a tab or a carriage return) gets a leading single quote, as OWASP advises against CSV injection: a province's own
     * text (a unit's name, a finding) reaches these files. A negative number or a lone dash is data and stays as it is.
     */
    static String field(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text) ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** A negative number such as {@code -1,5}, or the dash of a rate out of nothing, is data, not a formula. */
    private static boolean isNumber(String text) {
        return text.equals("-") || text.matches("-[0-9][0-9.]*(,[0-9]+)?%?");
    }
}
