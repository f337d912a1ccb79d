package vn.congvu.modules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an OSGi manifest header ({@code Import-Package}, {@code Service-Component}) into its clauses, as
 * the framework would: clauses are separated by commas outside quotes, and each clause is one or more
 * names followed by {@code attribute=value} and {@code directive:=value} parameters.
 */
final class ManifestHeaders {

    /**
     * One clause of a header.
     *
     * @param names      the names it applies to (usually one)
     * @param parameters its attributes and directives, directives keyed with their {@code :}
     */
    record Clause(List<String> names, Map<String, String> parameters) {
    }

    private ManifestHeaders() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    names.add(part.trim());
                    continue;
                }
                String key = part.substring(0, equals).trim();
                if (key.endsWith(":")) {
                    key = key.substring(0, key.length() - 1).trim() + ":";
                }
                String value = part.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.put(key, value);
            }
            clauses.add(new Clause(List.copyOf(names), parameters));
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                if (!current.toString().isBlank()) {
                    parts.add(current.toString().trim());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }
}
