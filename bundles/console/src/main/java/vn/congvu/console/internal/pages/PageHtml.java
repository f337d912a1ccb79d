package vn.congvu.console.internal.pages;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import vn.congvu.console.internal.access.ConsoleUser;
import vn.congvu.console.internal.access.Html;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Table;

/** A console page: the navigation, the filters, the charts and the tables of its {@link Content}. */
final class PageHtml {

    private PageHtml() {
    }

    /** @return the header's navigation and sign-out form, the accounts page for administrators only */
    static String header(ConsoleUser user) {
        StringBuilder nav = new StringBuilder("<nav>");
        nav.append(link("/console/", "Tình hình nộp")).append(link("/console/national", "Số liệu toàn quốc"))
                .append(link("/console/charts", "Biểu đồ")).append(link("/console/fleet", "Các nút tỉnh"));
        if (user.role().name().equals("ADMIN")) {
            nav.append(link("/console/accounts", "Tài khoản"));
        }
        return nav.append("</nav>").append(Html.signedIn(user)).toString();
    }

    /**
     * @param content  what the page shows
     * @param download the page's address and query, for its downloads
     * @return the page's main part
     */
    static String main(Content content, String download) {
        StringBuilder html = new StringBuilder("<h1>").append(Html.escape(content.title())).append("</h1>\n");
        if (!content.intro().isEmpty()) {
            html.append("<p class=\"intro\">").append(Html.escape(content.intro())).append("</p>\n");
        }
        if (!content.filters().isEmpty()) {
            html.append("<form class=\"filters\" method=\"get\">");
            for (Content.Filter filter : content.filters()) {
                html.append("<label>").append(Html.escape(filter.label())).append(" <select name=\"")
                        .append(Html.escape(filter.name())).append("\" id=\"filter-").append(Html.escape(filter.name()))
                        .append("\">");
                for (Content.Option option : filter.options()) {
                    html.append("<option value=\"").append(Html.escape(option.value())).append("\"")
                            .append(option.value().equals(filter.selected()) ? " selected" : "").append(">")
                            .append(Html.escape(option.label())).append("</option>");
                }
                html.append("</select></label> ");
            }
            html.append("<button type=\"submit\" id=\"apply-filters\">Xem</button></form>\n");
        }
        for (Content.Chart chart : content.charts()) {
            content.table(chart.tableId()).ifPresent(table -> html.append(chart(chart, table)));
        }
        if (content.tables().isEmpty()) {
            html.append("<p class=\"empty\">Chưa có số liệu / nothing to show yet.</p>\n");
        }
        content.tables().forEach(table -> html.append(TableHtml.of(table, download)));
        if (!content.charts().isEmpty()) {
            html.append("<script src=\"/console/static/echarts.min.js\"></script>\n")
                    .append("<script src=\"/console/static/console.js\"></script>\n");
        }
        return html.toString();
    }

    /** The chart's data as a JSON attribute that console.js hands to ECharts: no script in the page itself. */
    private static String chart(Content.Chart chart, Table table) {
        if (table.rows().isEmpty()) {
            return "<p class=\"no-chart\">" + Html.escape(chart.title()) + ": không có số liệu để vẽ / nothing to draw.</p>\n";
        }
        int category = column(table, chart.categoryKey());
        int value = column(table, chart.valueKey());
        int mark = chart.markKey() == null ? -1 : column(table, chart.markKey());
        JsonArray categories = new JsonArray();
        JsonArray values = new JsonArray();
        JsonArray marks = new JsonArray();
        for (List<Cell> row : table.rows()) {
            categories.add(row.get(category).text());
            Object number = row.get(value).value();
            values.add(number instanceof BigDecimal decimal ? new JsonPrimitive(decimal) : null);
            marks.add(mark >= 0 && !row.get(mark).text().isEmpty());
        }
        JsonObject data = new JsonObject();
        data.addProperty("title", chart.title());
        data.addProperty("kind", chart.kind());
        data.addProperty("horizontal", chart.horizontal());
        data.addProperty("unit", chart.unit());
        data.add("categories", categories);
        data.add("values", values);
        data.add("marks", marks);
        return "<figure class=\"chart-box\"><figcaption>" + Html.escape(chart.title()) + "</figcaption><div class=\"chart"
                + (chart.horizontal() ? " tall" : "") + "\" id=\"chart-" + Html.escape(chart.tableId()) + "\" data-chart=\""
                + Html.escape(data.toString()) + "\"></div></figure>\n";
    }

    private static int column(Table table, String key) {
        for (int index = 0; index < table.columns().size(); index++) {
            if (table.columns().get(index).key().equals(key)) {
                return index;
            }
        }
        throw new IllegalStateException("table " + table.id() + " has no column " + key);
    }

    private static String link(String href, String label) {
        return "<a href=\"" + href + "\">" + Html.escape(label) + "</a>";
    }
}
