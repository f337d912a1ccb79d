package vn.congvu.api.record;

import static vn.congvu.api.record.FieldKind.DATE;
import static vn.congvu.api.record.FieldKind.DECIMAL;
import static vn.congvu.api.record.FieldKind.INTEGER;
import static vn.congvu.api.record.FieldKind.TEXT;
import static vn.congvu.api.record.FieldSpec.code;
import static vn.congvu.api.record.FieldSpec.optional;
import static vn.congvu.api.record.FieldSpec.required;

import java.util.List;
import java.util.Optional;

/**
 * The national record types every province node can import. A staff member appears only as an opaque
 * {@code staff_id} (the province's own reference), never by name.
 */
public final class RecordTypes {

    private static final List<String> LEVELS = List.of("department", "district", "commune");
    private static final List<String> STAFF_CATEGORIES = List.of("civil_servant", "public_employee", "commune_official");

    /**
     * An administrative-procedure dossier (hồ sơ TTHC): where it was received, when, when it was due and
     * when it was resolved (empty while pending).
     */
    public static final RecordType DOSSIER = new RecordType("dossier", "id", List.of(
            required("id", TEXT), code("level", LEVELS), required("unit", TEXT),
            required("received", DATE), required("due", DATE), optional("resolved", DATE)));

    /**
     * A citizen feedback item (phản ánh, kiến nghị): received, resolved when it was, and optionally its topic
     * ({@code administrative_procedure}: about administrative regulations and procedures; {@code other}).
     */
    public static final RecordType FEEDBACK = new RecordType("feedback", "id", List.of(
            required("id", TEXT), required("received", DATE), optional("resolved", DATE), optional("channel", TEXT),
            new FieldSpec("topic", TEXT, false, List.of("administrative_procedure", "other"))));

    /** A staff member's yearly rating (đánh giá, xếp loại chất lượng). */
    public static final RecordType RATING = new RecordType("rating", "id", List.of(
            required("id", TEXT), required("staff_id", TEXT), required("year", INTEGER),
            code("staff_category", STAFF_CATEGORIES),
            code("grade", List.of("excellent", "good", "completed", "not_completed")), optional("unit", TEXT)));

    /** A discipline decision (quyết định kỷ luật): when, which form, and whether for breaking the conduct code. */
    public static final RecordType DISCIPLINE = new RecordType("discipline", "id", List.of(
            required("id", TEXT), required("staff_id", TEXT), required("decided", DATE),
            code("form", List.of("reprimand", "warning", "salary_step_down", "demotion", "removal", "dismissal")),
            optional("staff_category", TEXT), optional("cause", TEXT), optional("unit", TEXT)));

    /** An inspection (kiểm tra công vụ) of one unit. */
    public static final RecordType INSPECTION = new RecordType("inspection", "id", List.of(
            required("id", TEXT), required("date", DATE), required("unit", TEXT), code("level", LEVELS),
            optional("kind", TEXT)));

    /** One observation made in an inspection: a conduct rule checked at a unit, kept or broken. */
    public static final RecordType INSPECTION_OBSERVATION = new RecordType("inspection.observation", "id", List.of(
            required("id", TEXT), required("date", DATE), required("unit", TEXT), required("rule", TEXT),
            code("outcome", List.of("kept", "broken")), optional("count", INTEGER), optional("note", TEXT)));

    /** A training session (lớp bồi dưỡng, tập huấn) and its attendees. */
    public static final RecordType TRAINING = new RecordType("training", "id", List.of(
            required("id", TEXT), required("date", DATE), required("title", TEXT), required("attendees", INTEGER)));

    /** A personal campaign commitment (bản cam kết) signed. */
    public static final RecordType COMMITMENT = new RecordType("commitment", "id", List.of(
            required("id", TEXT), required("signed", DATE), required("unit", TEXT), optional("campaign", TEXT)));

    /** A task of the yearly administrative-reform plan, and whether it was done. */
    public static final RecordType REFORM_TASK = new RecordType("reform.task", "id", List.of(
            required("id", TEXT), required("year", INTEGER), required("title", TEXT),
            code("status", List.of("done", "in_progress", "not_started"))));

    /** A change to the procedure catalogue (công bố mới, sửa đổi, bãi bỏ, chuẩn hóa, cắt giảm thời hạn). */
    public static final RecordType PROCEDURE_CHANGE = new RecordType("procedure.change", "id", List.of(
            required("id", TEXT), required("date", DATE), required("procedure", TEXT),
            code("kind", List.of("new", "amended", "abolished", "standardised", "shortened")),
            optional("decision", TEXT)));

    /**
     * A figure a province has only as a total (an index rank, the procedures in force): the indicator, its
     * breakdown written {@code name=code,...}, the value, the period, and the document it comes from.
     */
    public static final RecordType FIGURE = new RecordType("figure", "id", List.of(
            required("id", TEXT), required("indicator", TEXT), optional("disaggregation", TEXT),
            required("value", DECIMAL), required("period", TEXT), required("source", TEXT)));

    private static final List<RecordType> ALL = List.of(DOSSIER, FEEDBACK, RATING, DISCIPLINE, INSPECTION,
            INSPECTION_OBSERVATION, TRAINING, COMMITMENT, REFORM_TASK, PROCEDURE_CHANGE, FIGURE);

    private RecordTypes() {
    }

    /** @return every national record type */
    public static List<RecordType> all() {
        return ALL;
    }

    /**
     * @param name a record type name
     * @return the type, if it is a national record type
     */
    public static Optional<RecordType> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
