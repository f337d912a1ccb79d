package vn.congvu.api.catalog;

import static vn.congvu.api.CoreIndicators.AUTHORITY;
import static vn.congvu.api.CoreIndicators.CHANGE_KIND;
import static vn.congvu.api.CoreIndicators.DISCIPLINE_FORM;
import static vn.congvu.api.CoreIndicators.GRADE;
import static vn.congvu.api.CoreIndicators.INDEX;
import static vn.congvu.api.CoreIndicators.LEVEL;
import static vn.congvu.api.CoreIndicators.RULE;
import static vn.congvu.api.CoreIndicators.STAFF_CATEGORY;
import static vn.congvu.api.CoreIndicators.UNIT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.congvu.api.CoreIndicators;

/**
 * The national indicator catalog: every core indicator, the dimensions and code lists it breaks down by,
 * how it adds up, and the cross-checks every report must pass. Served by the ministry; used by the
 * province before filing and by the ministry on receipt.
 *
 * <p>What a rule module may report of it: any indicator whose {@link Indicator#reported()} is true, broken down
 * only by the {@link Indicator#dimensions()} it names (or not at all: the total), with codes of closed dimensions
 * taken from {@link #dimension(String)}'s code list and valid in the period ({@link Code#validDuring}); open
 * dimensions ({@code unit}, {@code rule}) take any non-empty code. Counts are whole and not negative, ranks 1 or
 * more. A report also passes every {@link #constraints() cross-check} (such as
 * {@code feedback.resolved <= feedback.received} for each breakdown). Listing it:
 * <pre>{@code
 * for (Indicator indicator : NationalCatalog.indicators()) {
 *     System.out.println(indicator.code() + " by " + indicator.dimensions() + ": " + indicator.labelVi());
 * }
 * }</pre>
 * The codes are also constants of {@link vn.congvu.api.CoreIndicators}. A module's own codes are extension
 * indicators ({@link Indicator#extensionCount}), never added to this catalog.
 */
public final class NationalCatalog {

    /** The day the discipline forms changed (Nghị định 172/2025/NĐ-CP). */
    public static final LocalDate DISCIPLINE_FORMS_CHANGED = LocalDate.of(2025, 7, 1);
    /** The first day without a district level (Luật Tổ chức chính quyền địa phương số 72/2025/QH15). */
    public static final LocalDate DISTRICT_LEVEL_ENDED = LocalDate.of(2025, 7, 1);

    private static final List<Dimension> DIMENSIONS = List.of(
            // the district level ended on 30 June 2025 (Luật Tổ chức chính quyền địa phương số 72/2025/QH15)
            new Dimension(LEVEL, "Cấp", List.of(Code.of("department", "Sở, ban, ngành"),
                    new Code("district", "UBND cấp huyện", null, DISTRICT_LEVEL_ENDED.minusDays(1)),
                    Code.of("commune", "UBND cấp xã"))),
            new Dimension(AUTHORITY, "Thẩm quyền", List.of(Code.of("province", "Cấp tỉnh"),
                    new Code("district", "Cấp huyện", null, DISTRICT_LEVEL_ENDED.minusDays(1)),
                    Code.of("commune", "Cấp xã"))),
            new Dimension(UNIT, "Cơ quan, đơn vị", List.of()),
            new Dimension(CHANGE_KIND, "Loại thay đổi danh mục TTHC", List.of(Code.of("new", "Công bố mới"),
                    Code.of("amended", "Sửa đổi, bổ sung"), Code.of("abolished", "Bãi bỏ"),
                    Code.of("standardised", "Chuẩn hóa"), Code.of("shortened", "Cắt giảm thời hạn giải quyết"))),
            new Dimension(STAFF_CATEGORY, "Đối tượng", List.of(
                    Code.of("civil_servant", "Công chức cấp tỉnh, cấp huyện"),
                    Code.of("public_employee", "Viên chức"),
                    Code.of("commune_official", "Cán bộ, công chức cấp xã"))),
            new Dimension(GRADE, "Mức xếp loại", List.of(Code.of("excellent", "Hoàn thành xuất sắc nhiệm vụ"),
                    Code.of("good", "Hoàn thành tốt nhiệm vụ"), Code.of("completed", "Hoàn thành nhiệm vụ"),
                    Code.of("not_completed", "Không hoàn thành nhiệm vụ"))),
            new Dimension(DISCIPLINE_FORM, "Hình thức kỷ luật", List.of(
                    Code.of("reprimand", "Khiển trách"),
                    Code.of("warning", "Cảnh cáo"),
                    new Code("salary_step_down", "Hạ bậc lương", null, DISCIPLINE_FORMS_CHANGED.minusDays(1)),
                    new Code("demotion", "Giáng chức", null, DISCIPLINE_FORMS_CHANGED.minusDays(1)),
                    Code.of("removal", "Cách chức"),
                    Code.of("dismissal", "Buộc thôi việc"))),
            new Dimension(RULE, "Quy tắc", List.of()),
            new Dimension(INDEX, "Chỉ số", List.of(Code.of("PAR_INDEX", "Chỉ số cải cách hành chính (PAR INDEX)"),
                    Code.of("SIPAS", "Chỉ số hài lòng của người dân (SIPAS)"),
                    Code.of("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)"))));

    private static final List<Indicator> INDICATORS = List.of(
            count(CoreIndicators.DOSSIER_RESOLVED, "Hồ sơ TTHC đã giải quyết", "Dossiers resolved", "hồ sơ", LEVEL),
            count(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, "Hồ sơ giải quyết trước, đúng hạn", "Dossiers resolved on time", "hồ sơ", LEVEL),
            count(CoreIndicators.DOSSIER_RESOLVED_LATE, "Hồ sơ giải quyết trễ hạn", "Dossiers resolved late", "hồ sơ", LEVEL),
            ratio(CoreIndicators.DOSSIER_ON_TIME_RATE, "Tỷ lệ hồ sơ giải quyết đúng hạn", "Dossier on-time rate",
                    CoreIndicators.DOSSIER_RESOLVED_ON_TIME, CoreIndicators.DOSSIER_RESOLVED, LEVEL),
            count(CoreIndicators.PROCEDURE_TOTAL, "Thủ tục hành chính", "Administrative procedures", "thủ tục", AUTHORITY, UNIT),
            count(CoreIndicators.PROCEDURE_ONLINE, "TTHC cung cấp dịch vụ công trực tuyến", "Procedures offered online", "thủ tục", AUTHORITY, UNIT),
            ratio("procedure.online_rate", "Tỷ lệ TTHC trực tuyến", "Share of procedures online",
                    CoreIndicators.PROCEDURE_ONLINE, CoreIndicators.PROCEDURE_TOTAL, AUTHORITY, UNIT),
            count(CoreIndicators.PROCEDURE_CATALOGUE_CHANGE, "Thay đổi danh mục TTHC", "Procedure catalogue changes", "thủ tục", CHANGE_KIND),
            count(CoreIndicators.FEEDBACK_RECEIVED, "Phản ánh, kiến nghị tiếp nhận", "Citizen feedback received", "phản ánh, kiến nghị"),
            count(CoreIndicators.FEEDBACK_RESOLVED, "Phản ánh, kiến nghị đã xử lý", "Citizen feedback resolved", "phản ánh, kiến nghị"),
            ratio("feedback.resolved_rate", "Tỷ lệ phản ánh, kiến nghị đã xử lý", "Share of feedback resolved",
                    CoreIndicators.FEEDBACK_RESOLVED, CoreIndicators.FEEDBACK_RECEIVED),
            count(CoreIndicators.FEEDBACK_ON_PROCEDURES, "Phản ánh, kiến nghị về quy định hành chính, TTHC",
                    "Citizen feedback about administrative procedures", "phản ánh, kiến nghị"),
            ratio("feedback.procedures_share", "Tỷ lệ phản ánh, kiến nghị về quy định hành chính, TTHC",
                    "Share of feedback about administrative procedures", CoreIndicators.FEEDBACK_ON_PROCEDURES,
                    CoreIndicators.FEEDBACK_RECEIVED),
            count(CoreIndicators.TRAINING_CLASSES, "Lớp bồi dưỡng, tập huấn", "Training classes", "lớp"),
            count(CoreIndicators.TRAINING_ATTENDEES, "Lượt người tham dự bồi dưỡng", "Training attendees", "lượt người"),
            count(CoreIndicators.REFORM_TASKS_PLANNED, "Nhiệm vụ kế hoạch CCHC", "Reform-plan tasks planned", "nhiệm vụ"),
            count(CoreIndicators.REFORM_TASKS_DONE, "Nhiệm vụ CCHC đã hoàn thành", "Reform-plan tasks done", "nhiệm vụ"),
            ratio("reform.tasks.done_rate", "Tỷ lệ hoàn thành kế hoạch CCHC", "Reform plan completion",
                    CoreIndicators.REFORM_TASKS_DONE, CoreIndicators.REFORM_TASKS_PLANNED),
            count(CoreIndicators.STAFF_RATED, "CBCCVC được đánh giá, xếp loại", "Staff rated", "người", STAFF_CATEGORY),
            count(CoreIndicators.STAFF_RATED_BY_GRADE, "CBCCVC theo mức xếp loại", "Staff rated, by grade", "người", STAFF_CATEGORY, GRADE),
            ratio("staff.rated.share", "Tỷ lệ theo mức xếp loại", "Share of staff by grade",
                    CoreIndicators.STAFF_RATED_BY_GRADE, CoreIndicators.STAFF_RATED, STAFF_CATEGORY, GRADE),
            count(CoreIndicators.STAFF_DISCIPLINED, "CBCCVC bị xử lý kỷ luật", "Staff disciplined", "người", DISCIPLINE_FORM),
            count(CoreIndicators.STAFF_DISCIPLINED_CONDUCT, "CBCCVC bị kỷ luật vì vi phạm quy chế văn hóa công vụ",
                    "Staff disciplined for breaking the conduct code", "người"),
            count(CoreIndicators.INSPECTION_COUNT, "Cuộc kiểm tra công vụ", "Inspections", "cuộc"),
            count(CoreIndicators.INSPECTION_UNITS, "Cơ quan, đơn vị được kiểm tra", "Units inspected", "cơ quan, đơn vị", LEVEL),
            count(CoreIndicators.CONDUCT_OBSERVATIONS, "Lượt kiểm tra quy tắc ứng xử", "Conduct observations", "lượt", RULE, UNIT),
            count(CoreIndicators.CONDUCT_VIOLATIONS, "Lượt vi phạm quy tắc ứng xử", "Conduct violations", "lượt", RULE, UNIT),
            count(CoreIndicators.CAMPAIGN_COMMITMENTS, "Bản cam kết thực hiện phong trào", "Campaign commitments signed", "bản cam kết"),
            count(CoreIndicators.CAMPAIGN_FEEDBACK_BOXES, "Cơ quan có hộp thư góp ý", "Agencies with a feedback box", "cơ quan"),
            new Indicator(CoreIndicators.INDEX_RANK, "Thứ hạng chỉ số", "Index rank", "thứ hạng", ValueType.RANK,
                    List.of(INDEX), Aggregation.NONE, null, null));

    private static final List<Constraint> CONSTRAINTS = List.of(
            atMost(CoreIndicators.DOSSIER_RESOLVED_ON_TIME, CoreIndicators.DOSSIER_RESOLVED, "hồ sơ đúng hạn ≤ hồ sơ đã giải quyết"),
            atMost(CoreIndicators.DOSSIER_RESOLVED_LATE, CoreIndicators.DOSSIER_RESOLVED, "hồ sơ trễ hạn ≤ hồ sơ đã giải quyết"),
            atMost(CoreIndicators.FEEDBACK_RESOLVED, CoreIndicators.FEEDBACK_RECEIVED, "phản ánh đã xử lý ≤ phản ánh tiếp nhận"),
            atMost(CoreIndicators.FEEDBACK_ON_PROCEDURES, CoreIndicators.FEEDBACK_RECEIVED,
                    "phản ánh về quy định hành chính ≤ phản ánh tiếp nhận"),
            atMost(CoreIndicators.REFORM_TASKS_DONE, CoreIndicators.REFORM_TASKS_PLANNED, "nhiệm vụ hoàn thành ≤ nhiệm vụ kế hoạch"),
            atMost(CoreIndicators.PROCEDURE_ONLINE, CoreIndicators.PROCEDURE_TOTAL, "TTHC trực tuyến ≤ tổng số TTHC"),
            atMost(CoreIndicators.CONDUCT_VIOLATIONS, CoreIndicators.CONDUCT_OBSERVATIONS, "lượt vi phạm ≤ lượt kiểm tra"),
            new Constraint(Constraint.Kind.SUM_OVER, CoreIndicators.STAFF_RATED_BY_GRADE, CoreIndicators.STAFF_RATED, GRADE,
                    "tổng số theo mức xếp loại = số người được xếp loại"));

    // looked up for every figure of every report the ministry receives
    private static final Map<String, Indicator> INDICATORS_BY_CODE = INDICATORS.stream()
            .collect(Collectors.toUnmodifiableMap(Indicator::code, indicator -> indicator));
    private static final Map<String, Dimension> DIMENSIONS_BY_NAME = DIMENSIONS.stream()
            .collect(Collectors.toUnmodifiableMap(Dimension::name, dimension -> dimension));

    private NationalCatalog() {
    }

    /** @return every indicator, reported and derived */
    public static List<Indicator> indicators() {
        return INDICATORS;
    }

    /** @return every dimension with its code list */
    public static List<Dimension> dimensions() {
        return DIMENSIONS;
    }

    /** @return the cross-checks every report must pass */
    public static List<Constraint> constraints() {
        return CONSTRAINTS;
    }

    /**
     * @param code an indicator code
     * @return the indicator, if it is in the catalog
     */
    public static Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(INDICATORS_BY_CODE.get(code));
    }

    /**
     * @param name a dimension name
     * @return the dimension, if it is in the catalog
     */
    public static Optional<Dimension> dimension(String name) {
        return Optional.ofNullable(DIMENSIONS_BY_NAME.get(name));
    }

    private static Indicator count(String code, String labelVi, String labelEn, String unit, String... dimensions) {
        return new Indicator(code, labelVi, labelEn, unit, ValueType.COUNT, List.of(dimensions), Aggregation.SUM, null, null);
    }

    private static Indicator ratio(String code, String labelVi, String labelEn, String numerator, String denominator,
                                   String... dimensions) {
        return new Indicator(code, labelVi, labelEn, "%", ValueType.DECIMAL, List.of(dimensions), Aggregation.RATIO,
                numerator, denominator);
    }

    private static Constraint atMost(String smaller, String larger, String labelVi) {
        return new Constraint(Constraint.Kind.AT_MOST, smaller, larger, null, labelVi);
    }
}
