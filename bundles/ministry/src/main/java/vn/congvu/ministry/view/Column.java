package vn.congvu.ministry.view;

import java.util.Objects;

/**
 * A column of a {@link Table}.
 *
 * @param key     a stable key for JSON and CSV readers, such as {@code reportingRate}
 * @param label   the heading in Vietnamese, such as {@code Tỷ lệ báo cáo}
 * @param numeric whether its cells are numbers (right-aligned; a JSON value is a number)
 */
public record Column(String key, String label, boolean numeric) {

    /** @throws NullPointerException naming the part that is missing */
    public Column {
        Objects.requireNonNull(key, "column: key is missing");
        Objects.requireNonNull(label, "column " + key + ": label is missing");
    }

    /**
     * @param key   the key
     * @param label the heading
     * @return a column of text
     */
    public static Column text(String key, String label) {
        return new Column(key, label, false);
    }

    /**
     * @param key   the key
     * @param label the heading
     * @return a column of numbers
     */
    public static Column number(String key, String label) {
        return new Column(key, label, true);
    }
}
