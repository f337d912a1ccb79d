package vn.congvu.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.json.Json;

/** Reads tables the tests get as text: a CSV download (RFC 4180), and a table a Gogo command printed. */
final class TextTables {

    private static final Pattern DASHES = Pattern.compile("-+");

    private TextTables() {
    }

    /**
     * RFC 4180: fields separated by commas, records by CRLF, a field with a comma, quote or line end in double quotes
     * with its quotes doubled. A bare LF ends no record, so a file with LF line ends fails the comparison.
     *
     * @param text the CSV without its byte order mark
     * @return its records
     */
    static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (at + 1 < text.length() && text.charAt(at + 1) == '"') {
                    field.append('"');
                    at++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || text.startsWith("\r\n", at)) {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    records.add(List.copyOf(record));
                    record.clear();
                    at++;
                }
            } else if (wasQuoted || c == '"' || c == '\r' || c == '\n') {
                throw new AssertionError("not RFC 4180 at character " + at + ": "
                        + text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 20)));
            } else {
                field.append(c);
            }
        }
        if (quoted || !field.isEmpty() || !record.isEmpty()) {
            throw new AssertionError("the CSV's last record does not end with CRLF: " + record + field);
        }
        return records;
    }

    /**
     * A table as the Gogo commands print it (TableText): a line naming it, the headings, a rule of dashes under each
     * column, then one line per row up to the first empty line. Columns are cut where the rule's dashes are, so a cell
     * may hold spaces.
     *
     * @param output what the command printed
     * @param title  how the line naming the table starts
     * @return one map per row, from heading to cell text, in order
     */
    static List<Map<String, String>> printed(String output, String title) {
        List<String> lines = output.lines().toList();
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith(title)) {
            start++;
        }
        if (start + 2 >= lines.size()) {
            throw new AssertionError("no table '" + title + "' in:\n" + output);
        }
        List<int[]> spans = new ArrayList<>();
        Matcher dashes = DASHES.matcher(lines.get(start + 2));
        while (dashes.find()) {
            spans.add(new int[] {dashes.start(), dashes.end()});
        }
        List<String> headings = cut(lines.get(start + 1), spans);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(start + 3, lines.size())) {
            if (line.isBlank() || line.startsWith("* ") || line.startsWith("(không có dòng nào")) {
                break;
            }
            List<String> cells = cut(line, spans);
            Map<String, String> row = new LinkedHashMap<>();
            for (int column = 0; column < headings.size(); column++) {
                row.put(headings.get(column), cells.get(column));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * @param json a console answer with one table: {"title", "tables": [{"id", "columns", "rows": [{..., "text"}]}]}
     * @param id   the table's id, as it must say
     * @param keys the columns to read, in order
     * @return each row's shown texts of those columns
     */
    @SuppressWarnings("unchecked")
    static List<List<String>> json(String json, String id, List<String> keys) {
        Map<String, Object> answer = new Json().toType(json, Json.MAP_TYPE);
        List<Map<String, Object>> tables = (List<Map<String, Object>>) answer.get("tables");
        if (tables == null || tables.size() != 1 || !id.equals(tables.get(0).get("id"))) {
            throw new AssertionError("not the one table '" + id + "': " + json);
        }
        return ((List<Map<String, Object>>) tables.get(0).get("rows")).stream().map(row -> keys.stream()
                .map(key -> (String) ((Map<String, Object>) row.get("text")).get(key)).toList()).toList();
    }

    private static List<String> cut(String line, List<int[]> spans) {
        List<String> cells = new ArrayList<>();
        for (int[] span : spans) {
            cells.add(span[0] >= line.length() ? "" : line.substring(span[0], Math.min(span[1], line.length())).trim());
        }
        return cells;
    }

    /**
     * @param shown   a cell as the page shows it ({@code 48.207}, {@code 99,50%}, {@code Hà Nội})
     * @param written the same cell in a CSV file (a number plain: {@code 48207}, {@code 99.5046})
     * @return whether they are the same text, or the same number once the plain one is rounded as the page shows it
     */
    static boolean sameFigure(String shown, String written) {
        if (shown.equals(written)) {
            return true;
        }
        if (!shown.matches("-?[0-9]{1,3}(\\.[0-9]{3})*(,[0-9]+)?%?") || !written.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return false;
        }
        java.math.BigDecimal page = new java.math.BigDecimal(shown.replace(".", "").replace(",", ".").replace("%", ""));
        return new java.math.BigDecimal(written).setScale(page.scale(), java.math.RoundingMode.HALF_UP).compareTo(page) == 0;
    }
}
