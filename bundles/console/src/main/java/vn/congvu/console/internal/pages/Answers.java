package vn.congvu.console.internal.pages;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congvu.console.internal.access.Json;
import vn.congvu.ministry.view.Table;

/** Writes a page's content as CSV or JSON, and reads a request's query the one way every console address reads it. */
final class Answers {

    /** A query longer than this is refused: no console address needs more. */
    private static final int LONGEST_QUERY = 1000;

    private Answers() {
    }

    /**
     * @return the query's parameters, each once (a repeated one is refused)
     * @throws IllegalArgumentException for a query too long or a parameter given twice
     */
    static Map<String, String> parameters(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && query.length() > LONGEST_QUERY) {
            throw new IllegalArgumentException("Địa chỉ quá dài / the query is longer than " + LONGEST_QUERY + " characters");
        }
        Map<String, String[]> given;
        try {
            given = request.getParameterMap();
        } catch (RuntimeException e) {
            // Jetty's answer to a malformed query (%E0, broken UTF-8): the sender's fault, said as such
            throw new IllegalArgumentException("Không đọc được địa chỉ (mã hóa sai) / the query cannot be read: "
                    + e.getMessage(), e);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        given.forEach((name, values) -> {
            if (values.length != 1) {
                throw new IllegalArgumentException("Tham số '" + name + "' có nhiều giá trị / '" + name + "' is given more than once");
            }
            parameters.put(name, values[0]);
        });
        return parameters;
    }

    /** @return the address under the servlet's path, such as {@code province/19}, without leading or trailing slash */
    static String path(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "").replaceFirst("/$", "");
    }

    /**
     * @return the page's address with its query but for {@code format} and {@code table}, to which a download adds
     *     its own
     */
    static String downloadBase(HttpServletRequest request, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!name.equals("format") && !name.equals("table")) {
                query.append(query.length() == 0 ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return request.getRequestURI() + query;
    }

    /** Writes one table as CSV, as an attachment named after the table and the page's query. */
    static void csv(HttpServletResponse response, Table table, String name) throws IOException {
        byte[] body = TableCsv.bytes(table);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Writes the tables as JSON: {@code {"title": ..., "tables": [...]}}. */
    static void json(HttpServletResponse response, String title, List<Table> tables) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("title", title);
        json.addProperty("timeZone", "Asia/Ho_Chi_Minh");
        JsonArray array = new JsonArray();
        tables.forEach(table -> array.add(TableJson.of(table)));
        json.add("tables", array);
        write(response, HttpServletResponse.SC_OK, json);
    }

    /** Writes {@code {"error": message}} with the status. */
    static void jsonError(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("error", message);
        write(response, status, json);
    }

    private static void write(HttpServletResponse response, int status, JsonObject json) throws IOException {
        Json.write(response, status, json.toString());
    }

    /** @return a file name made of the path and the query's values, in ASCII letters, digits and dashes */
    static String fileName(String path, Map<String, String> parameters, String table) {
        StringBuilder name = new StringBuilder("congvu-").append(table);
        parameters.forEach((key, value) -> {
            if (!key.equals("format") && !key.equals("table")) {
                name.append('-').append(value);
            }
        });
        name.append('-').append(path);
        String safe = java.text.Normalizer.normalize(name.toString(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("-+$", "");
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }
}
