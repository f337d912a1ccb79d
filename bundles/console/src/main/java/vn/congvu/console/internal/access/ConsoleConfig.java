package vn.congvu.console.internal.access;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The console's sign-in and session settings: {@code etc/vn.congvu.console.cfg}, present only on the ministry. */
@ObjectClassDefinition(name = "congvu console", description = "The ministry's web console: sessions, sign-in and allowed origins")
public @interface ConsoleConfig {

    /** The configuration PID, the name of the file in etc/. */
    String PID = "vn.congvu.console";

    /** @return minutes a session lasts without a request */
    @AttributeDefinition(description = "Minutes a signed-in session lasts without a request (1 to 1440)")
    int session_idle_minutes() default 30;

    /** @return hours a session lasts at most */
    @AttributeDefinition(description = "Hours a session lasts at most, however busy (1 to 168)")
    int session_lifetime_hours() default 12;

    /** @return sessions kept at once */
    @AttributeDefinition(description = "Sessions kept at once; beyond it the least recently used ends (10 to 100000)")
    int session_max() default 1000;

    /** @return failed sign-ins of one name per window */
    @AttributeDefinition(description = "Failed sign-ins of one account name within the window before it must wait (3 to 100)")
    int signin_failures_per_name() default 5;

    /** @return failed sign-ins from one address per window */
    @AttributeDefinition(description = "Failed sign-ins from one remote address within the window before it must wait (3 to 1000)")
    int signin_failures_per_address() default 20;

    /** @return the window's minutes */
    @AttributeDefinition(description = "Minutes over which failed sign-ins are counted (1 to 1440)")
    int signin_window_minutes() default 15;

    /** @return origins besides the Host's own whose pages may post to the console, comma-separated; empty for none */
    @AttributeDefinition(description = "Comma-separated https origins (such as https://console.bonoivu.gov.vn) whose pages"
            + " may send the console forms and other changes, besides the origin the Host header names; for a reverse proxy"
            + " that rewrites Host. Empty: only the Host's own origin")
    String allowed_origins() default "";
}
