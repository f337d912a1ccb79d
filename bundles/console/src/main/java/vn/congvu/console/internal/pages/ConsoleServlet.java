package vn.congvu.console.internal.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.console.internal.access.AccessFilter;
import vn.congvu.console.internal.access.ConsoleConfig;
import vn.congvu.console.internal.access.ConsoleUser;
import vn.congvu.console.internal.access.Html;
import vn.congvu.ministry.view.MinistryViews;
import vn.congvu.ministry.view.Table;

/**
 * The console's pages under {@code /console/}: each as HTML, and with {@code format=csv&table=ID} one of its tables as
 * CSV, with {@code format=json} its tables as JSON; and the JSON query API under {@code /api/v1/}, every page's tables
 * as JSON at the same path and query ({@code /api/v1/completeness?year=2023}, {@code /api/v1/province/19}...). Only
 * for a signed-in account (the access filter sends others to the sign-in page or answers 401; this servlet refuses a
 * request the filter did not pass, should it ever get one).
 */
@Component(service = Servlet.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.http.whiteboard.servlet.pattern=/console/*", "osgi.http.whiteboard.servlet.pattern=/api/v1/*",
                "osgi.http.whiteboard.servlet.name=congvu-console-pages"})
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);

    /**
     * The ministry's tables, while they run: a wrong setting of the reporting calendar stops them, and the console
     * then says so on every page instead of vanishing behind a bare 404 (a field, since it may come and go).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile MinistryViews views;

    /**
     * @param accessFilter unused: the reference ties this servlet's registration to the access filter's, so that no
     *                     request reaches it unchecked (at start-up, or while the console is reconfigured)
     */
    @Activate
    public ConsoleServlet(@Reference(target = AccessFilter.TARGET) Filter accessFilter) {
        // nothing to keep: see the parameter
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = request.getServletPath().startsWith("/api/");
        Optional<ConsoleUser> user = ConsoleUser.find(request);
        if (user.isEmpty()) {
            Answers.jsonError(response, HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập / not signed in");
            return;
        }
        String path = Answers.path(request);
        String format = api ? "json" : null;
        MinistryViews running = views;
        if (running == null) {
            refuse(response, format, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Bảng điều khiển chưa có số liệu: một thiết "
                    + "lập của Bộ sai (etc/vn.congvu.ministry.views.cfg), 'congvu status' cho biết thiết lập nào / the figures "
                    + "are not available: a setting of the ministry node is wrong, 'congvu status' says which", user.get());
            return;
        }
        Pages pages = new Pages(running);
        try {
            Map<String, String> parameters = Answers.parameters(request);
            format = api ? "json" : parameters.get("format");
            if (api && path.isEmpty()) {
                throw new NotFound("/api/v1/ cần tên trang: completeness, national, charts, province/MÃ, report/MÃ/KỲ, fleet"
                        + " / name a page after /api/v1/: completeness, national, charts, province/CODE, report/CODE/PERIOD, fleet");
            }
            Content content = pages.resolve(path, parameters);
            if (format == null || format.equals("html")) {
                Html.write(response, HttpServletResponse.SC_OK, content.title(), PageHtml.header(user.get()),
                        PageHtml.main(content, Answers.downloadBase(request, parameters)));
            } else if (format.equals("csv")) {
                String id = parameters.getOrDefault("table", "");
                Table table = content.table(id).orElseThrow(() -> new NotFound("Trang này không có bảng '" + id + "'; có: "
                        + content.tables().stream().map(Table::id).toList() + " / no table '" + id + "' on this page"));
                Answers.csv(response, table, Answers.fileName(path, parameters, id));
            } else if (format.equals("json")) {
                List<Table> tables = !api && parameters.containsKey("table") ? content.table(parameters.get("table"))
                        .map(List::of).orElseThrow(() -> new NotFound("Trang này không có bảng '" + parameters.get("table")
                                + "' / no such table on this page")) : content.tables();
                if (!api) {
                    // a download, as the page's link says, not a page to read in the browser
                    response.setHeader("Content-Disposition", "attachment; filename=\""
                            + Answers.fileName(path, parameters, parameters.getOrDefault("table", "tables")) + ".json\"");
                }
                Answers.json(response, content.title(), tables);
            } else {
                throw new IllegalArgumentException("Định dạng là html, csv hoặc json / the format is html, csv or json");
            }
        } catch (NotFound e) {
            refuse(response, format, HttpServletResponse.SC_NOT_FOUND, e.getMessage(), user.get());
        } catch (IllegalArgumentException e) {
            refuse(response, format, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), user.get());
        } catch (RuntimeException e) {
            LOG.error("The console could not answer {}?{}", request.getRequestURI(), request.getQueryString(), e);
            refuse(response, format, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Không đọc được số liệu lúc này (chi tiết trong "
                    + "nhật ký của nút) / the figures cannot be read right now (details in the node's log)", user.get());
        }
    }

    private static void refuse(HttpServletResponse response, String format, int status, String message, ConsoleUser user)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (format != null && !format.equals("html")) {
            Answers.jsonError(response, status, message);
        } else {
            Html.write(response, status, "Lỗi", PageHtml.header(user), "<h1>Không xem được trang này</h1><p class=\"error\">"
                    + Html.escape(message) + "</p><p><a href=\"/console/\">Về trang đầu</a></p>");
        }
    }
}
