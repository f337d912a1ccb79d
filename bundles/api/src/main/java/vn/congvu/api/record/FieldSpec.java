package vn.congvu.api.record;

import java.util.Objects;

/**
 * One field of a record type.
 *
 * @param name     the field name, as it heads its column in a CSV file
 * @param kind     how its text is read
 * @param required whether every record must have it
 */
public record FieldSpec(String name, FieldKind kind, boolean required) {

    /** @throws NullPointerException naming the part that is missing */
    public FieldSpec {
        Objects.requireNonNull(name, "field spec: name is missing");
        Objects.requireNonNull(kind, "field spec " + name + ": kind is missing");
    }

    /**
     * @param name the field name
     * @param kind how its text is read
     * @return a field every record must have
     */
    public static FieldSpec required(String name, FieldKind kind) {
        return new FieldSpec(name, kind, true);
    }

    /**
     * @param name the field name
     * @param kind how its text is read
     * @return a field a record may leave empty
     */
    public static FieldSpec optional(String name, FieldKind kind) {
        return new FieldSpec(name, kind, false);
    }
}
