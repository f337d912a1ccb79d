package vn.congvu.console.internal.access;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Every request under /console/ and /api/ (pages, data, static files) passes here first: {@link AccessRules} decides,
 * and this puts the signed-in account on the request ({@link ConsoleUser}) and the security headers on every answer.
 */
@Component(service = Filter.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {
        "osgi.http.whiteboard.filter.pattern=/console/*",
        "osgi.http.whiteboard.filter.pattern=/api/*",
        "osgi.http.whiteboard.filter.name=" + AccessFilter.NAME,
        "service.ranking:Integer=1000"})
public class AccessFilter implements Filter {

    /** The filter's whiteboard name. */
    public static final String NAME = "congvu-console-access";
    /**
     * The target of every console servlet's mandatory reference to this filter: the servlet is then registered only
     * while the filter is, so no request reaches it unchecked (at start-up, or while the console is reconfigured).
     */
    public static final String TARGET = "(osgi.http.whiteboard.filter.name=" + NAME + ")";

    /** Scripts and styles from this server's files only (no inline script), never framed, no plug-ins. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Sessions sessions;
    /** From the host the browser used to the console's HTTPS address. */
    private final UnaryOperator<String> httpsAddress;
    private final AllowedOrigins origins;

    /**
     * @param config   the console's settings ({@code allowed.origins})
     * @param sessions the live sessions
     * @param context  for the HTTPS port the launcher set
     * @throws IllegalArgumentException naming the setting, if {@code allowed.origins} holds something not an https origin
     */
    @Activate
    public AccessFilter(ConsoleConfig config, @Reference Sessions sessions, BundleContext context) {
        this(sessions, host -> HttpsAddress.of(host, context.getProperty("org.osgi.service.http.port.secure")),
                AllowedOrigins.parse(config.allowed_origins()));
    }

    AccessFilter(Sessions sessions, UnaryOperator<String> httpsAddress, AllowedOrigins origins) {
        this.sessions = sessions;
        this.httpsAddress = httpsAddress;
        this.origins = origins;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (request.getCharacterEncoding() == null) {
            // forms are sent in the page's UTF-8; set before anything reads a parameter, here or in a servlet
            request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        String path = path(request);
        securityHeaders(response, path, request.isSecure());

        Optional<Session> session = Optional.empty();
        for (String token : SessionCookie.tokens(request)) {
            session = sessions.find(token);
            if (session.isPresent()) {
                break;
            }
        }
        AccessRules.RequestFacts facts = facts(request, path, session);
        AccessRules.Decision decision = AccessRules.decide(facts, session, httpsAddress.apply(request.getServerName()),
                origins);
        if (decision instanceof AccessRules.Pass pass) {
            pass.session().ifPresent(live -> ConsoleUser.attach(request, live));
            chain.doFilter(request, response);
        } else if (decision instanceof AccessRules.Redirect redirect) {
            response.setStatus(303);
            response.setHeader("Location", redirect.location());
        } else if (decision instanceof AccessRules.Refuse refuse) {
            byte[] body = refuse.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(refuse.status());
            response.setContentType(refuse.contentType());
            if (refuse.status() == 401 && AccessRules.isData(facts)) {
                response.setHeader("WWW-Authenticate", "Cookie realm=\"congvu console\"");
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static AccessRules.RequestFacts facts(HttpServletRequest request, String path, Optional<Session> session) {
        String method = request.getMethod();
        boolean safe = method.equals("GET") || method.equals("HEAD");
        String csrf = request.getHeader("X-CSRF-Token");
        if (csrf == null && !safe && session.isPresent() && !path.equals(AccessRules.LOGIN)) {
            csrf = request.getParameter("csrf"); // reads a form body; servlets still see its parameters
        }
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        return new AccessRules.RequestFacts(request.isSecure(), method, path, target, request.getHeader("Origin"),
                request.getHeader("Host"), csrf, AccessRules.wantsJson(request.getHeader("Accept")));
    }

    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    /** The same on every answer, refusals included; a servlet may loosen caching of its own static files. */
    static void securityHeaders(HttpServletResponse response, String path, boolean secure) {
        if (secure) {
            // browsers that once reached the console over HTTPS never try plain HTTP to this host again for a year
            // (ignored by browsers on a plain HTTP answer, so not sent there)
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // not no-referrer: under it a browser sends "Origin: null" with the console's own form posts (Fetch standard),
        // which the cross-site check refuses; same-origin still gives other sites no referrer
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", path.startsWith("/console/static/") ? "no-cache" : "no-store");
    }
}
