package vn.congvu.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The breakdown an indicator value belongs to: dimension name to code, such as {@code level=district}.
 * Dimensions are kept sorted by name so that two equal breakdowns always read the same.
 *
 * <p>Written as text ({@link #toString()}, {@link #parse}): {@code name=code} pairs sorted by name and joined by
 * {@code ,} with no spaces, such as {@code level=commune} or {@code rule=hanoi.conduct.r3,unit=Sở Tư pháp}, and
 * {@code total} for {@link #TOTAL}. The dimensions an indicator may be broken down by, and the codes of each, are
 * in the {@linkplain vn.congvu.api.catalog.NationalCatalog national catalog}.
 * <pre>{@code
 * Disaggregation.TOTAL                                             // total
 * Disaggregation.of(CoreIndicators.LEVEL, "commune")               // level=commune
 * new Disaggregation(Map.of("unit", "Sở Nội vụ", "rule", "hanoi.conduct.r3"))
 *                                                                  // rule=hanoi.conduct.r3,unit=Sở Nội vụ
 * }</pre>
 *
 * @param dimensions dimension name to code; empty for a total
 */
public record Disaggregation(Map<String, String> dimensions) implements Comparable<Disaggregation> {

    /** The total, broken down by nothing. */
    public static final Disaggregation TOTAL = new Disaggregation(Map.of());

    /**
     * Copies and sorts the dimensions; names and codes must not be empty (a blank one breaks {@link ReportRules}). A code may hold any character (a
     * unit's name holds commas), so {@link #toString()} is for people, not for storage.
     */
    public Disaggregation {
        Objects.requireNonNull(dimensions, "dimensions");
        TreeMap<String, String> sorted = new TreeMap<>();
        dimensions.forEach((name, code) -> {
            if (name == null || name.isEmpty() || code == null || code.isEmpty()) {
                throw new IllegalArgumentException("a disaggregation needs a name and a code, got "
                        + name + "=" + code);
            }
            sorted.put(name, code);
        });
        dimensions = Collections.unmodifiableSortedMap(sorted);
    }

    /**
     * @param name a dimension name
     * @param code the code in that dimension
     * @return a breakdown by one dimension
     */
    public static Disaggregation of(String name, String code) {
        return new Disaggregation(Map.of(name, code));
    }

    /**
     * @param name a dimension name
     * @return the code in that dimension, or null when the value is not broken down by it
     */
    public String code(String name) {
        return dimensions.get(name);
    }

    /**
     * Reads the written form back: for breakdowns stored before codes could hold "," or "=". {@code total}
     * is {@link #TOTAL}; otherwise the text is split at every {@code ,} into pairs, each split at its first
     * {@code =} into a name and a code, taken as they are (no spaces trimmed) and in any order:
     * {@code parse("unit=A,rule=r1")} equals {@code parse("rule=r1,unit=A")}. A code holding a {@code ,} cannot be
     * written this way: make the breakdown with {@link #Disaggregation(Map)} instead.
     *
     * @param written as {@link #toString()} writes it, such as {@code level=commune}
     * @return the breakdown
     * @throws IllegalArgumentException if the text is not a written breakdown (a pair with no name, no {@code =}
     *                                  or an empty code; an empty text)
     */
    public static Disaggregation parse(String written) {
        if (written.equals("total")) {
            return TOTAL;
        }
        Map<String, String> dimensions = new TreeMap<>();
        for (String pair : written.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("'" + written + "' is not a disaggregation (name=code,...)");
            }
            dimensions.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new Disaggregation(dimensions);
    }

    @Override
    public int compareTo(Disaggregation other) {
        var mine = dimensions.entrySet().iterator();
        var theirs = other.dimensions.entrySet().iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            Map.Entry<String, String> a = mine.next();
            Map.Entry<String, String> b = theirs.next();
            int byName = a.getKey().compareTo(b.getKey());
            if (byName != 0) {
                return byName;
            }
            int byCode = a.getValue().compareTo(b.getValue());
            if (byCode != 0) {
                return byCode;
            }
        }
        return Boolean.compare(mine.hasNext(), theirs.hasNext());
    }

    /** @return {@code name=code} pairs joined by commas, or {@code total} */
    @Override
    public String toString() {
        if (dimensions.isEmpty()) {
            return "total";
        }
        return dimensions.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }
}
