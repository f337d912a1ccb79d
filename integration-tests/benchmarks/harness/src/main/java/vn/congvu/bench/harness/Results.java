package vn.congvu.bench.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code RESULT kind key=value ...} lines. */
final class Results {

    private Results() {
    }

    static Map<String, String> of(List<String> lines, String kind) {
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts.length > 1 && parts[1].equals(kind)) {
                Map<String, String> values = new HashMap<>();
                for (int i = 2; i < parts.length; i++) {
                    int equals = parts[i].indexOf('=');
                    values.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
                }
                return values;
            }
        }
        throw new IllegalStateException("no RESULT " + kind + " in " + lines);
    }
}
