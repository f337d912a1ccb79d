package vn.congvu.api.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of record a province imports, such as {@code dossier}, and the fields it has.
 *
 * @param name      the record type name
 * @param keyField  the field that identifies a record of this type within the province
 * @param fields    the fields, in their canonical column order
 */
public record RecordType(String name, String keyField, List<FieldSpec> fields) {

    /** @throws IllegalArgumentException if the key field is not one of the required fields */
    public RecordType {
        Objects.requireNonNull(name, "record type: name is missing");
        fields = List.copyOf(fields);
        boolean keyIsRequired = fields.stream().anyMatch(field -> field.name().equals(keyField) && field.required());
        if (!keyIsRequired) {
            throw new IllegalArgumentException("record type " + name + ": key field '" + keyField
                    + "' must be one of its required fields");
        }
    }

    /**
     * @param fieldName a field name
     * @return that field, if the type has it
     */
    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }
}
