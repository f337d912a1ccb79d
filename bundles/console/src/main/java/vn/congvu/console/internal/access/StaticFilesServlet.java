package vn.congvu.console.internal.access;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's static files, from inside this bundle, so that no page needs the internet: its one stylesheet (which
 * the sign-in page needs before anyone has signed in, so the access filter lets it through without a session),
 * Apache ECharts 5.3.1 (from its webjar, as published) and console.js, which draws each page's charts from their data.
 * Only where the console is configured (the ministry), not on a province's node.
 */
@Component(service = Servlet.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=" + AccessRules.STYLESHEET,
        "osgi.http.whiteboard.servlet.pattern=/console/static/echarts.min.js",
        "osgi.http.whiteboard.servlet.pattern=/console/static/console.js",
        "osgi.http.whiteboard.servlet.name=congvu-console-static"})
public class StaticFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * A file this bundle holds, and how it is served.
     *
     * @param cachedAnHour whether browsers keep it an hour (the scripts: large, changed only with the bundle) rather
     *                     than asking again each time, as the access filter has them do for every static file
     */
    private record StaticFile(String resource, String contentType, boolean cachedAnHour) {
    }

    private static final Map<String, StaticFile> FILES = Map.of(
            AccessRules.STYLESHEET, new StaticFile("/static/console.css", "text/css; charset=utf-8", false),
            "/console/static/echarts.min.js", new StaticFile("/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js",
                    "text/javascript; charset=utf-8", true),
            "/console/static/console.js", new StaticFile("/static/console.js", "text/javascript; charset=utf-8", true));

    /**
     * @param accessFilter unused: the reference ties this servlet's registration to the access filter's, so that no
     *                     request reaches it unchecked (at start-up, or while the console is reconfigured)
     */
    @Activate
    public StaticFilesServlet(@Reference(target = AccessFilter.TARGET) Filter accessFilter) {
        // nothing to keep: the reference is there for the lifecycle alone
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaticFile file = FILES.get(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        try (InputStream in = file == null ? null : StaticFilesServlet.class.getResourceAsStream(file.resource())) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] body = in.readAllBytes();
            response.setContentType(file.contentType());
            if (file.cachedAnHour()) {
                response.setHeader("Cache-Control", "private, max-age=3600");
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
