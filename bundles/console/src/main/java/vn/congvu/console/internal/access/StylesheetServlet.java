package vn.congvu.console.internal.access;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /console/static/console.css}, the console's one stylesheet (the sign-in page needs it before anyone has signed
 * in, so the access filter lets it through without a session). From this bundle's {@code static/console.css}. Only
 * where the console is configured (the ministry), not on a province's node.
 */
@Component(service = Servlet.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=" + AccessRules.STYLESHEET,
        "osgi.http.whiteboard.servlet.name=congvu-console-stylesheet"})
public class StylesheetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "/static/console.css";

    /**
     * @param accessFilter unused: the reference ties this servlet's registration to the access filter's, so that no
     *                   request reaches it unchecked (at start-up, or while the console is reconfigured)
     */
    @Activate
    public StylesheetServlet(@Reference(target = AccessFilter.TARGET) Filter accessFilter) {
        // nothing to keep: the reference is there for the lifecycle alone
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] css;
        try (InputStream in = StylesheetServlet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            css = in.readAllBytes();
        }
        response.setContentType("text/css; charset=utf-8");
        response.setContentLength(css.length);
        response.getOutputStream().write(css);
    }
}
