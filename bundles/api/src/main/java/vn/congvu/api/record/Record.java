package vn.congvu.api.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One imported record: its type and its field values, already read into their kinds
 * ({@link String}, {@link LocalDate}, {@link Long} or {@link BigDecimal}). Empty optional fields are absent.
 */
public final class Record {

    private final RecordType type;
    private final Map<String, Object> values;

    /**
     * @param type   the record type
     * @param values field name to value, already read into the field's kind
     */
    public Record(RecordType type, Map<String, Object> values) {
        this.type = Objects.requireNonNull(type, "record type");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** @return the record type */
    public RecordType type() {
        return type;
    }

    /** @return the value of the type's key field */
    public String key() {
        return text(type.keyField());
    }

    /**
     * @param field a field name
     * @return its text, or null if empty
     */
    public String text(String field) {
        return (String) values.get(field);
    }

    /**
     * @param field a DATE field name
     * @return its day, or null if empty
     */
    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    /**
     * @param field an INTEGER field name
     * @return its value, or null if empty
     */
    public Long integer(String field) {
        return (Long) values.get(field);
    }

    /**
     * @param field a DECIMAL field name
     * @return its value, or null if empty
     */
    public BigDecimal decimal(String field) {
        return (BigDecimal) values.get(field);
    }

    /** @return every non-empty field value, in the type's column order */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Record record && type.equals(record.type) && values.equals(record.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.name(), values);
    }

    @Override
    public String toString() {
        return type.name() + values;
    }
}
