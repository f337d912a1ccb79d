package vn.congvu.console.internal.access;

import jakarta.servlet.ServletRequest;
import java.util.Optional;
import vn.congvu.store.ConsoleAccount.Role;

/**
 * The signed-in account of a console request, as the access filter put it on the request. Pages use it to greet the
 * person, to show administrators' links, and to put the CSRF token into their forms
 * ({@code <input type="hidden" name="csrf" value="...">}) or scripts' requests (header {@code X-CSRF-Token}).
 *
 * @param name        the sign-in name
 * @param displayName the name to show
 * @param role        ANALYST (reads) or ADMIN (also manages accounts)
 * @param csrf        the session's CSRF token
 */
public record ConsoleUser(String name, String displayName, Role role, String csrf) {

    /** Request attribute: the sign-in name. */
    public static final String ACCOUNT = "congvu.console.account";
    /** Request attribute: the display name. */
    public static final String DISPLAY_NAME = "congvu.console.displayName";
    /** Request attribute: "ANALYST" or "ADMIN". */
    public static final String ROLE = "congvu.console.role";
    /** Request attribute: the session's CSRF token. */
    public static final String CSRF = "congvu.console.csrf";

    /**
     * @param request a request under /console/ or /api/ that passed the access filter
     * @return its signed-in account
     * @throws IllegalStateException if the request has none (it did not pass the filter: a servlet outside its patterns,
     *         or the sign-in page)
     */
    public static ConsoleUser of(ServletRequest request) {
        return find(request).orElseThrow(() -> new IllegalStateException(
                "no signed-in account on this request: is the servlet outside /console/* and /api/*?"));
    }

    /**
     * @param request any request
     * @return its signed-in account, if the access filter found one
     */
    public static Optional<ConsoleUser> find(ServletRequest request) {
        if (!(request.getAttribute(ACCOUNT) instanceof String name)) {
            return Optional.empty();
        }
        return Optional.of(new ConsoleUser(name, (String) request.getAttribute(DISPLAY_NAME),
                Role.valueOf((String) request.getAttribute(ROLE)), (String) request.getAttribute(CSRF)));
    }

    /** @return whether this account may manage accounts */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    static void attach(ServletRequest request, Session session) {
        request.setAttribute(ACCOUNT, session.name());
        request.setAttribute(DISPLAY_NAME, session.displayName());
        request.setAttribute(ROLE, session.role().name());
        request.setAttribute(CSRF, session.csrf());
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + name + ", " + role + "]"; // never the CSRF token
    }
}
