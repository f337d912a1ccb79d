package vn.congvu.api.record;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Codes of record fields that the law retired on a day: a record dated after that day may not use them, while
 * older records keep them (a 2022 decision of {@code salary_step_down} is still one). Each record type is dated by
 * one of its fields: a dossier by when it was received, a discipline decision by when it was decided, an
 * inspection by its day.
 */
public final class CodeCalendar {

    /**
     * A code retired by an act.
     *
     * @param recordType the record type's name
     * @param field      the coded field
     * @param code       the code
     * @param lastDay    the last day a record may use it
     * @param act        the act that retired it
     */
    public record Retirement(String recordType, String field, String code, LocalDate lastDay, String act) {
    }

    /** The day the district level and two discipline forms ended. */
    public static final LocalDate LAST_DAY_OF_DISTRICTS = LocalDate.of(2025, 6, 30);
    private static final String LOCAL_GOVERNMENT_LAW = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15";
    private static final String DISCIPLINE_DECREE = "Nghị định 172/2025/NĐ-CP";
    private static final Map<String, String> DATED_BY = Map.of("dossier", "received", "discipline", "decided",
            "inspection", "date");
    private static final List<Retirement> RETIREMENTS = List.of(
            new Retirement("dossier", "level", "district", LAST_DAY_OF_DISTRICTS, LOCAL_GOVERNMENT_LAW),
            new Retirement("inspection", "level", "district", LAST_DAY_OF_DISTRICTS, LOCAL_GOVERNMENT_LAW),
            new Retirement("discipline", "form", "salary_step_down", LAST_DAY_OF_DISTRICTS, DISCIPLINE_DECREE),
            new Retirement("discipline", "form", "demotion", LAST_DAY_OF_DISTRICTS, DISCIPLINE_DECREE));
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");

    private CodeCalendar() {
    }

    /** @return every retirement */
    public static List<Retirement> retirements() {
        return RETIREMENTS;
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
     * @return the first retired code the record uses after its retirement, if any
     */
    public static Optional<Misuse> misuse(RecordType type, Map<String, Object> values) {
        String dateField = DATED_BY.get(type.name());
        if (dateField == null || !(values.get(dateField) instanceof LocalDate dated)) {
            return Optional.empty();
        }
        for (Retirement retirement : RETIREMENTS) {
            if (retirement.recordType().equals(type.name()) && retirement.code().equals(values.get(retirement.field()))
                    && dated.isAfter(retirement.lastDay())) {
                LocalDate ended = retirement.lastDay().plusDays(1);
                return Optional.of(new Misuse(retirement.field(),
                        "'" + retirement.code() + "' không còn áp dụng từ ngày " + VIETNAMESE_DATE.format(ended) + " ("
                                + retirement.act() + "); bản ghi ngày " + VIETNAMESE_DATE.format(dated) + " không dùng được mã này",
                        "'" + retirement.code() + "' was abolished from " + ended + " by " + retirement.act()
                                + "; a record dated " + dated + " (" + dateField + ") cannot use it"));
            }
        }
        return Optional.empty();
    }
}
