package vn.congvu.store.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.congvu.api.TextRules;
import vn.congvu.api.record.FieldSpec;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;

/** One record as a row of text in a record chunk: its fields in the type's order, escaped by {@link TextCodec#RECORDS}. */
final class RecordText {

    /** Separates the records of a chunk; intake refuses it inside text. */
    static final char RECORD_SEPARATOR = TextCodec.ROW_SEPARATOR;

    private RecordText() {
    }

    static String encode(RecordType type, Record record) {
        List<String> fields = new ArrayList<>(type.fields().size());
        for (FieldSpec field : type.fields()) {
            Object value = record.values().get(field.name());
            fields.add(value == null ? "" : field.kind().format(value));
        }
        return TextCodec.RECORDS.appendRow(new StringBuilder(), fields).toString();
    }

    static Record decode(RecordType type, String encoded) {
        List<String> texts = TextCodec.RECORDS.fields(encoded);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < type.fields().size() && i < texts.size(); i++) {
            FieldSpec field = type.fields().get(i);
            if (!texts.get(i).isEmpty()) {
                // records imported before intake normalised to NFC are read in NFC too, so that they file
                values.put(field.name(), field.kind().parse(TextRules.nfc(texts.get(i))));
            }
        }
        return new Record(type, values);
    }
}
