package vn.congvu.console.internal.pages;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import vn.congvu.ministry.view.Cell;
import vn.congvu.ministry.view.Column;
import vn.congvu.ministry.view.Table;

/**
 * A table as JSON for other ministry systems: its columns, and each row as an object keyed by the columns' keys whose
 * values are plain (a number as a JSON number, a rate as its percentage; text as text), with the text the console
 * shows beside it under {@code text}.
 */
final class TableJson {

    private TableJson() {
    }

    static JsonObject of(Table table) {
        JsonObject json = new JsonObject();
        json.addProperty("id", table.id());
        json.addProperty("title", table.title());
        JsonArray columns = new JsonArray();
        for (Column column : table.columns()) {
            JsonObject described = new JsonObject();
            described.addProperty("key", column.key());
            described.addProperty("label", column.label());
            described.addProperty("numeric", column.numeric());
            columns.add(described);
        }
        json.add("columns", columns);
        JsonArray rows = new JsonArray();
        for (List<Cell> row : table.rows()) {
            JsonObject values = new JsonObject();
            JsonObject texts = new JsonObject();
            for (int index = 0; index < row.size(); index++) {
                String key = table.columns().get(index).key();
                Cell cell = row.get(index);
                values.add(key, value(cell.value()));
                texts.addProperty(key, cell.text());
            }
            values.add("text", texts);
            rows.add(values);
        }
        json.add("rows", rows);
        JsonArray notes = new JsonArray();
        table.notes().forEach(notes::add);
        json.add("notes", notes);
        return json;
    }

    private static com.google.gson.JsonElement value(Object value) {
        if (value instanceof BigDecimal number) {
            return new JsonPrimitive(number);
        }
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.toString());
    }
}
