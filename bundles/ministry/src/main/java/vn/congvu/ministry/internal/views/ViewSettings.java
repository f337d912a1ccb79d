package vn.congvu.ministry.internal.views;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The reporting calendar and the fleet's silence limit ({@code etc/vn.congvu.ministry.views.cfg}). A calendar rule
 * is {@code CUTOFF DUE}, days of the period's last month (a due day below the cut-off day is in the month after);
 * empty: the regime does not expect reports of that kind.
 */
@ObjectClassDefinition(name = "congvu reporting calendar and fleet",
        description = "Deadlines per regime and period kind (Nghị định 09/2019/NĐ-CP, Điều 12), and when a node counts as silent")
public @interface ViewSettings {

    /** The PID. */
    String PID = "vn.congvu.ministry.views";

    @AttributeDefinition(description = "Periodic annual report: cut-off day and due day of December", required = false)
    String periodic_year() default "14 20";

    @AttributeDefinition(description = "Periodic half-year report: cut-off and due day of June/December, empty if not expected", required = false)
    String periodic_half() default "";

    @AttributeDefinition(description = "Periodic quarterly report: cut-off and due day of the quarter's last month, empty if not expected", required = false)
    String periodic_quarter() default "";

    @AttributeDefinition(description = "Periodic monthly report: cut-off and due day, empty if not expected", required = false)
    String periodic_month() default "";

    @AttributeDefinition(description = "Thematic annual report: cut-off and due day, empty if not expected", required = false)
    String thematic_year() default "";

    @AttributeDefinition(description = "Thematic half-year report, empty if not expected", required = false)
    String thematic_half() default "";

    @AttributeDefinition(description = "Thematic quarterly report, empty if not expected", required = false)
    String thematic_quarter() default "";

    @AttributeDefinition(description = "Thematic monthly report, empty if not expected", required = false)
    String thematic_month() default "";

    @AttributeDefinition(description = "Minutes without hearing from a province node before the fleet marks it silent "
            + "(nodes report their modules every minute)", min = "2")
    long silent_minutes() default 15;
}
