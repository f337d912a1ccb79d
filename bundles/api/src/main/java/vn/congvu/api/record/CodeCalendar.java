package vn.congvu.api.record;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.catalog.Code;
import vn.congvu.api.catalog.NationalCatalog;

/**
 * Coded record fields on the legal calendar: a record dated after the last day of one of its codes may not use it,
 * while older records keep it (a 2022 decision of {@code salary_step_down} is still one). The days come from the
 * national catalog's code lists, the one place code validity is kept; this class says which field of which record
 * type holds codes of which catalog dimension, which field dates a record, and which act ended a code.
 */
public final class CodeCalendar {

    /** A record type's coded field and the catalog dimension whose codes it holds. */
    private record CodedField(String recordType, String field, String dimension) {
    }

    private static final List<CodedField> CODED_FIELDS = List.of(
            new CodedField("dossier", "level", CoreIndicators.LEVEL),
            new CodedField("inspection", "level", CoreIndicators.LEVEL),
            new CodedField("discipline", "form", CoreIndicators.DISCIPLINE_FORM));
    private static final Map<String, String> DATED_BY = Map.of("dossier", "received", "discipline", "decided",
            "inspection", "date");
    /** The acts that ended codes of each dimension, for the refusal's words. */
    private static final Map<String, String> ENDED_BY = Map.of(
            CoreIndicators.LEVEL, "Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
            CoreIndicators.DISCIPLINE_FORM, "Nghị định 172/2025/NĐ-CP");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

    private CodeCalendar() {
    }

    /**
     * A code used after the law retired it.
     *
     * @param field     the field
     * @param messageVi why, in Vietnamese
     * @param messageEn why, in English
     */
    public record Misuse(String field, String messageVi, String messageEn) {
    }

    /**
     * @param type   a record's type
     * @param values its field values, as read
     * @return the first code the record uses after its last day, if any
     */
    public static Optional<Misuse> misuse(RecordType type, Map<String, Object> values) {
        String dateField = DATED_BY.get(type.name());
        if (dateField == null || !(values.get(dateField) instanceof LocalDate dated)) {
            return Optional.empty();
        }
        for (CodedField coded : CODED_FIELDS) {
            if (!coded.recordType().equals(type.name()) || !(values.get(coded.field()) instanceof String value)) {
                continue;
            }
            Optional<Code> code = NationalCatalog.dimension(coded.dimension()).flatMap(dimension -> dimension.code(value));
            if (code.isPresent() && code.get().validUntil() != null && dated.isAfter(code.get().validUntil())) {
                LocalDate ended = code.get().validUntil().plusDays(1);
                String act = ENDED_BY.getOrDefault(coded.dimension(), "the law");
                return Optional.of(new Misuse(coded.field(),
                        "'" + value + "' không còn áp dụng từ ngày " + VIETNAMESE_DATE.format(ended) + " (" + act
                                + "); bản ghi ngày " + VIETNAMESE_DATE.format(dated) + " không dùng được mã này",
                        "'" + value + "' was abolished from " + ended + " by " + act + "; a record dated " + dated
                                + " (" + dateField + ") cannot use it"));
            }
        }
        return Optional.empty();
    }
}
