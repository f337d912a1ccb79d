package vn.congvu.console.internal.pages;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The console's two scripts, from inside this bundle: Apache ECharts 5.3.1 (from its webjar, as published) and
 * console.js, which draws each page's charts from their data. No page needs the internet.
 */
@Component(service = Servlet.class, configurationPid = vn.congvu.console.internal.access.ConsoleConfig.PID,
        configurationPolicy = org.osgi.service.component.annotations.ConfigurationPolicy.REQUIRE, // the ministry only
        property = {"osgi.http.whiteboard.servlet.pattern=/console/static/echarts.min.js",
        "osgi.http.whiteboard.servlet.pattern=/console/static/console.js",
        "osgi.http.whiteboard.servlet.name=congvu-console-scripts"})
public class ScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> RESOURCES = Map.of(
            "/console/static/echarts.min.js", "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js",
            "/console/static/console.js", "/static/console.js");

    /**
     * @param accessFilter unused: the reference ties this servlet's registration to the access filter's, so that no
     *                     request reaches it unchecked (at start-up, or while the console is reconfigured)
     */
    @org.osgi.service.component.annotations.Activate
    public ScriptServlet(@org.osgi.service.component.annotations.Reference(target =
            vn.congvu.console.internal.access.AccessFilter.TARGET) jakarta.servlet.Filter accessFilter) {
        // nothing to keep: the reference is there for the lifecycle alone
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String resource = RESOURCES.get(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        try (InputStream in = resource == null ? null : ScriptServlet.class.getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            byte[] body = in.readAllBytes();
            response.setContentType("text/javascript; charset=utf-8");
            response.setHeader("Cache-Control", "private, max-age=3600");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
