package vn.congvu.console.internal.pages;

import java.util.List;
import vn.congvu.console.internal.access.Html;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Table;

/**
 * A table as HTML: a caption with its title and its downloads (CSV, JSON), the headings, one row per row (numbers to
 * the right, a cell's state as its class, a cell leading on as a link), and its notes.
 */
final class TableHtml {

    private TableHtml() {
    }

    /**
     * @param table    the table
     * @param download this page's address with its query, to which {@code format} and {@code table} are added
     * @return the HTML
     */
    static String of(Table table, String download) {
        StringBuilder html = new StringBuilder();
        String separator = download.contains("?") ? "&" : "?";
        html.append("<section class=\"table\" id=\"").append(Html.escape(table.id())).append("\">\n<h2>")
                .append(Html.escape(table.title())).append("</h2>\n<p class=\"downloads\">Tải về: <a class=\"csv\" href=\"")
                .append(Html.escape(download + separator + "format=csv&table=" + table.id()))
                .append("\">CSV (Excel)</a> · <a class=\"json\" href=\"")
                .append(Html.escape(download + separator + "format=json&table=" + table.id())).append("\">JSON</a></p>\n");
        html.append("<div class=\"scroll\"><table class=\"data\" data-table=\"").append(Html.escape(table.id()))
                .append("\">\n<thead><tr>");
        for (Column column : table.columns()) {
            html.append("<th scope=\"col\"").append(column.numeric() ? " class=\"num\"" : "").append(" data-key=\"")
                    .append(Html.escape(column.key())).append("\">").append(Html.escape(column.label())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            for (int index = 0; index < row.size(); index++) {
                html.append(cell(row.get(index), table.columns().get(index)));
            }
            html.append("</tr>\n");
        }
        if (table.rows().isEmpty()) {
            html.append("<tr><td class=\"empty\" colspan=\"").append(table.columns().size())
                    .append("\">Không có dòng nào</td></tr>\n");
        }
        html.append("</tbody></table></div>\n");
        if (!table.notes().isEmpty()) {
            html.append("<ul class=\"notes\">");
            table.notes().forEach(note -> html.append("<li>").append(Html.escape(note)).append("</li>"));
            html.append("</ul>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String cell(Cell cell, Column column) {
        StringBuilder html = new StringBuilder("<td");
        String classes = (column.numeric() ? "num " : "") + (cell.status() == null ? "" : "st-" + cell.status());
        if (!classes.isBlank()) {
            html.append(" class=\"").append(Html.escape(classes.trim())).append("\"");
        }
        if (cell.status() != null) {
            html.append(" data-status=\"").append(Html.escape(cell.status())).append("\"");
        }
        html.append(">");
        String text = Html.escape(cell.text());
        if (cell.link() != null) {
            html.append("<a href=\"/console/").append(Html.escape(cell.link())).append("\">").append(text).append("</a>");
        } else {
            html.append(text);
        }
        return html.append("</td>").toString();
    }
}
