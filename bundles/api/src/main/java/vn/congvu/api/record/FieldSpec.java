package vn.congvu.api.record;

import java.util.List;
import java.util.Objects;

/**
 * One field of a record type.
 *
 * @param name         the field name, as it heads its column in a CSV file
 * @param kind         how its text is read
 * @param required     whether every record must have it
 * @param allowedCodes for a coded TEXT field, the codes it may hold; empty when any text is allowed
 */
public record FieldSpec(String name, FieldKind kind, boolean required, List<String> allowedCodes) {

    /** @throws NullPointerException naming the part that is missing */
    public FieldSpec {
        Objects.requireNonNull(name, "field spec: name is missing");
        Objects.requireNonNull(kind, "field spec " + name + ": kind is missing");
        allowedCodes = List.copyOf(allowedCodes);
    }

    /**
     * @param name the field name
     * @param kind how its text is read
     * @return a field every record must have
     */
    public static FieldSpec required(String name, FieldKind kind) {
        return new FieldSpec(name, kind, true, List.of());
    }

    /**
     * @param name the field name
     * @param kind how its text is read
     * @return a field a record may leave empty
     */
    public static FieldSpec optional(String name, FieldKind kind) {
        return new FieldSpec(name, kind, false, List.of());
    }

    /**
     * @param name  the field name
     * @param codes the codes it may hold
     * @return a required TEXT field holding one of the codes
     */
    public static FieldSpec code(String name, List<String> codes) {
        return new FieldSpec(name, FieldKind.TEXT, true, codes);
    }
}
