package vn.congvu.console.internal.access;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /console/logout}: POST (with the session's CSRF token, which the access filter checks) ends the session and
 * sends the browser to the sign-in page; GET shows the button that does it (a link alone must not sign anyone out).
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/console/logout",
        "osgi.http.whiteboard.servlet.name=congvu-console-logout"})
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Sessions sessions;

    /**
     * @param sessions     the sessions
     * @param accessFilter unused: the reference ties this servlet's registration to the access filter's, so that no
     *                   request reaches it unchecked (at start-up, or while the console is reconfigured)
     */
    @Activate
    public SignOutServlet(@Reference Sessions sessions, @Reference(target = AccessFilter.TARGET) Filter accessFilter) {
        this.sessions = sessions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ConsoleUser> signedIn = ConsoleUser.find(request);
        if (signedIn.isEmpty()) { // the access filter did not pass it (it redirects a request without a session)
            Html.write(response, 403, "Chưa đăng nhập", "", "<h1>Chưa đăng nhập / not signed in</h1>\n"
                    + "<p><a href=\"" + AccessRules.LOGIN + "\">Đăng nhập / sign in</a></p>");
            return;
        }
        ConsoleUser user = signedIn.get();
        Html.write(response, 200, "Đăng xuất", "", "<section class=\"login\"><h1>Đăng xuất</h1>"
                + "<form method=\"post\" action=\"/console/logout\">" + Html.csrfField(user.csrf())
                + "<p>" + Html.escape(user.displayName()) + ", bạn muốn đăng xuất?</p>"
                + "<button type=\"submit\" id=\"sign-out\">Đăng xuất</button></form></section>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.tokens(request).forEach(sessions::end);
        SessionCookie.clear(response);
        response.setStatus(303);
        response.setHeader("Location", AccessRules.LOGIN);
    }
}
