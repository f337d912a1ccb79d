package vn.congvu.engine.internal.intake;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.congvu.api.record.FieldSpec;
import vn.congvu.api.record.RecordType;

/**
 * The names a column may have: the field's English name ({@code received}) or its Vietnamese name
 * ({@code Ngày tiếp nhận}), matched regardless of case, spacing and diacritics ("ngay tiep nhan"), since
 * spreadsheets are typed by hand. The README's table of record files lists the same names.
 */
public final class ColumnNames {

    /** The Vietnamese name of each field, whatever its record type (the key field's name depends on the type). */
    static final Map<String, String> VIETNAMESE = vietnamese();

    /** The Vietnamese name of each record type's key field; "Mã" alone is accepted for every type. */
    static final Map<String, String> KEY_NAMES = Map.ofEntries(Map.entry("dossier", "Mã hồ sơ"),
            Map.entry("feedback", "Mã phản ánh"), Map.entry("rating", "Mã đánh giá"),
            Map.entry("discipline", "Mã kỷ luật"), Map.entry("inspection", "Mã kiểm tra"),
            Map.entry("inspection.observation", "Mã kết quả kiểm tra"), Map.entry("training", "Mã lớp"),
            Map.entry("commitment", "Mã cam kết"), Map.entry("reform.task", "Mã nhiệm vụ"),
            Map.entry("procedure.change", "Mã thay đổi"), Map.entry("figure", "Mã số liệu"));

    private final Map<String, String> byFoldedName = new HashMap<>();

    /** @param type the record type whose columns are named */
    public ColumnNames(RecordType type) {
        for (FieldSpec field : type.fields()) {
            byFoldedName.put(fold(field.name()), field.name());
            vietnameseName(type, field.name()).ifPresent(name -> byFoldedName.put(fold(name), field.name()));
        }
        byFoldedName.putIfAbsent(fold("Mã"), type.keyField());
    }

    /**
     * @param type  a record type
     * @param field one of its fields
     * @return the field's Vietnamese column name, if it has one
     */
    public static Optional<String> vietnameseName(RecordType type, String field) {
        return field.equals(type.keyField()) && KEY_NAMES.containsKey(type.name())
                ? Optional.of(KEY_NAMES.get(type.name())) : Optional.ofNullable(VIETNAMESE.get(field));
    }

    /**
     * @param written a column's name as written in the file
     * @return the field it names, if any
     */
    public Optional<String> field(String written) {
        return Optional.ofNullable(byFoldedName.get(fold(written)));
    }

    /** Lower case, no diacritics (đ as d), single spaces, "_" as a space: how a name is compared. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            c = c == 'đ' || c == 'Đ' ? 'd' : c == '_' ? ' ' : c;
            if (c == ' ' && (folded.isEmpty() || folded.charAt(folded.length() - 1) == ' ')) {
                continue;
            }
            folded.append(Character.toLowerCase(c));
        }
        return folded.toString().toLowerCase(Locale.ROOT).strip();
    }

    private static Map<String, String> vietnamese() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("level", "Cấp");
        names.put("unit", "Đơn vị");
        names.put("received", "Ngày tiếp nhận");
        names.put("due", "Hạn giải quyết");
        names.put("resolved", "Ngày giải quyết");
        names.put("channel", "Kênh tiếp nhận");
        names.put("topic", "Chủ đề");
        names.put("staff_id", "Mã cán bộ");
        names.put("year", "Năm");
        names.put("staff_category", "Đối tượng");
        names.put("grade", "Xếp loại");
        names.put("decided", "Ngày quyết định");
        names.put("form", "Hình thức kỷ luật");
        names.put("cause", "Lý do");
        names.put("date", "Ngày");
        names.put("kind", "Loại");
        names.put("rule", "Quy tắc");
        names.put("outcome", "Kết quả");
        names.put("count", "Số lần");
        names.put("note", "Ghi chú");
        names.put("title", "Tên");
        names.put("attendees", "Số người tham dự");
        names.put("signed", "Ngày ký");
        names.put("campaign", "Phong trào");
        names.put("status", "Tình trạng");
        names.put("procedure", "Thủ tục");
        names.put("decision", "Quyết định");
        names.put("indicator", "Chỉ tiêu");
        names.put("disaggregation", "Phân tổ");
        names.put("value", "Giá trị");
        names.put("period", "Kỳ báo cáo");
        names.put("source", "Nguồn");
        return Map.copyOf(names);
    }
}
