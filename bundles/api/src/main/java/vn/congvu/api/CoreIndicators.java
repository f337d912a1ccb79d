package vn.congvu.api;

/**
 * The codes of the national core indicators and of the dimensions they break down by. What each means,
 * its code lists and how it adds up are in {@link vn.congvu.api.catalog.NationalCatalog}, which also holds the
 * derived rates ({@code dossier.on_time_rate}, {@code feedback.resolved_rate}, ...) that no module reports.
 *
 * <p>To list the catalog, for example in {@code jshell --class-path congvu-api.jar}:
 * <pre>{@code
 * import vn.congvu.api.catalog.*;
 * NationalCatalog.indicators().forEach(i -> System.out.println(i.code() + " " + i.dimensions()
 *         + (i.reported() ? "" : " (derived)") + " - " + i.labelVi()));
 * NationalCatalog.dimensions().forEach(d -> System.out.println(d.name() + " " + (d.open() ? "(open)"
 *         : d.codes().stream().map(Code::code).toList())));
 * }</pre>
 * Any other code a module produces is an extension of its own ({@link vn.congvu.api.rule.ModuleDescriptor}).
 */
public final class CoreIndicators {

    /** Dossiers (hồ sơ TTHC) resolved in the period, by level. */
    public static final String DOSSIER_RESOLVED = "dossier.resolved";
    /** Dossiers resolved before or on their due date, by level. */
    public static final String DOSSIER_RESOLVED_ON_TIME = "dossier.resolved.on_time";
    /** Dossiers resolved after their due date, by level. */
    public static final String DOSSIER_RESOLVED_LATE = "dossier.resolved.late";
    /** The on-time rate, derived: on time over resolved. */
    public static final String DOSSIER_ON_TIME_RATE = "dossier.on_time_rate";

    /** Administrative procedures the authorities handle, by authority and unit. */
    public static final String PROCEDURE_TOTAL = "procedure.total";
    /** Of which offered online. */
    public static final String PROCEDURE_ONLINE = "procedure.online";
    /** Changes to the procedure catalogue in the period, by kind. */
    public static final String PROCEDURE_CATALOGUE_CHANGE = "procedure.catalogue_change";

    /** Citizen feedback items (phản ánh, kiến nghị) received. */
    public static final String FEEDBACK_RECEIVED = "feedback.received";
    /** Of which resolved. */
    public static final String FEEDBACK_RESOLVED = "feedback.resolved";
    /** Of which about administrative regulations and procedures (phản ánh, kiến nghị về quy định hành chính, TTHC). */
    public static final String FEEDBACK_ON_PROCEDURES = "feedback.received.procedures";

    /** Training classes held. */
    public static final String TRAINING_CLASSES = "training.classes";
    /** Attendees of those classes. */
    public static final String TRAINING_ATTENDEES = "training.attendees";

    /** Administrative-reform plan tasks planned for the period. */
    public static final String REFORM_TASKS_PLANNED = "reform.tasks.planned";
    /** Of which done. */
    public static final String REFORM_TASKS_DONE = "reform.tasks.done";

    /** Staff rated, by staff category. */
    public static final String STAFF_RATED = "staff.rated";
    /** Staff rated, by staff category and grade. */
    public static final String STAFF_RATED_BY_GRADE = "staff.rated.by_grade";
    /** Staff disciplined, by form. */
    public static final String STAFF_DISCIPLINED = "staff.disciplined";
    /** Staff disciplined for breaking the public-service culture or conduct code. */
    public static final String STAFF_DISCIPLINED_CONDUCT = "staff.disciplined.conduct_code";

    /** Inspections (kiểm tra công vụ) held, by level of the units inspected. */
    public static final String INSPECTION_COUNT = "inspection.count";
    /** Units inspected, by level. */
    public static final String INSPECTION_UNITS = "inspection.units";

    /** Conduct observations made during inspections, by rule and unit. */
    public static final String CONDUCT_OBSERVATIONS = "conduct.observations";
    /** Of which found the rule broken. */
    public static final String CONDUCT_VIOLATIONS = "conduct.violations";

    /** Personal campaign commitments (bản cam kết) signed. */
    public static final String CAMPAIGN_COMMITMENTS = "campaign.commitments_signed";
    /** Agencies with a feedback box (hộp thư góp ý) at the workplace. */
    public static final String CAMPAIGN_FEEDBACK_BOXES = "campaign.feedback_boxes";

    /** The province's rank in a national index, by index. */
    public static final String INDEX_RANK = "index.rank";

    /** Dimension: the level that received a dossier or was inspected. */
    public static final String LEVEL = AdministrativeLevel.DIMENSION;
    /** Dimension: the authority a procedure belongs to (province, district, commune). */
    public static final String AUTHORITY = "authority";
    /** Dimension: a unit (agency) by name; open. */
    public static final String UNIT = "unit";
    /** Dimension: the kind of procedure-catalogue change. */
    public static final String CHANGE_KIND = "change_kind";
    /** Dimension: the staff category. */
    public static final String STAFF_CATEGORY = "staff_category";
    /** Dimension: the rating grade. */
    public static final String GRADE = "grade";
    /** Dimension: the discipline form. */
    public static final String DISCIPLINE_FORM = "discipline_form";
    /** Dimension: the conduct rule checked; open, each province has its own rules. */
    public static final String RULE = "rule";
    /** Dimension: the national index. */
    public static final String INDEX = "index";

    private CoreIndicators() {
    }
}
