package vn.congvu.console.internal.pages;

import java.util.List;
import java.util.Optional;
import vn.congvu.ministry.view.Table;

/**
 * What one console address shows, whatever the format: its title, the filters that chose it, its tables (each also
 * as CSV and JSON) and the charts drawn from them.
 *
 * @param title   the page's title
 * @param intro   a sentence saying what the page shows, or empty
 * @param filters the choices in its query
 * @param tables  its tables
 * @param charts  its charts
 */
record Content(String title, String intro, List<Filter> filters, List<Table> tables, List<Chart> charts) {

    /**
     * A choice in a page's query, shown as a drop-down.
     *
     * @param name     the query parameter
     * @param label    its label
     * @param options  the values and their labels
     * @param selected the value chosen
     */
    record Filter(String name, String label, List<Option> options, String selected) {
    }

    /**
     * @param value as sent
     * @param label as shown
     */
    record Option(String value, String label) {
    }

    /**
     * A chart of one table's column against another's.
     *
     * @param tableId     the table it is drawn from
     * @param title       its title
     * @param kind        {@code bar} or {@code line}
     * @param categoryKey the column naming each bar
     * @param valueKey    the column of numbers
     * @param horizontal  bars across (for a ranking of many names)
     * @param unit        written after the values, such as {@code %}
     * @param markKey     a column whose non-empty cells mark a bar (a break in a series), or null
     */
    record Chart(String tableId, String title, String kind, String categoryKey, String valueKey, boolean horizontal,
                 String unit, String markKey) {
    }

    /** @return the table with that id, if this page has it */
    Optional<Table> table(String id) {
        return tables.stream().filter(table -> table.id().equals(id)).findFirst();
    }
}
