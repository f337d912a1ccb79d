package vn.congvu.console.internal.access;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may have what, decided from a request's facts alone (so it is tested without a server): HTTPS only; a session
 * for everything but the sign-in page and its stylesheet; the session's CSRF token on every request that may change
 * something; no cross-site form posts.
 */
final class AccessRules {

    static final String LOGIN = "/console/login";
    static final String STYLESHEET = "/console/static/console.css";
    /** Of a query, the characters read to tell whether it asks for CSV or JSON (a page's query is much shorter). */
    static final int QUERY_READ = 2048;

    /**
     * What the filter knows of a request.
     *
     * @param secure    whether it came over HTTPS
     * @param method    GET, POST...
     * @param path      the decoded, normalized path (servlet path and path info)
     * @param target    the path and query as sent, for the sign-in page's {@code next}
     * @param origin    the Origin header, or null
     * @param host      the Host header, or null
     * @param csrf      the CSRF token sent (header X-CSRF-Token or form field csrf), or null
     * @param wantsJson whether the client asked for JSON (Accept: application/json and not text/html)
     */
    record RequestFacts(boolean secure, String method, String path, String target, String origin, String host,
                        String csrf, boolean wantsJson) {
    }

    /** What to do with a request. */
    sealed interface Decision {
    }

    /** Let it through, with the session if it has one. */
    record Pass(Optional<Session> session) implements Decision {
    }

    /** Send the browser to the sign-in page. */
    record Redirect(String location) implements Decision {
    }

    /** Answer it here. */
    record Refuse(int status, String contentType, String body) implements Decision {
    }

    private AccessRules() {
    }

    /**
     * @param request      the request
     * @param session      its live session, if its cookie named one
     * @param httpsAddress where the console is served over HTTPS, for a request that came over plain HTTP
     * @param origins      the origins whose pages may send requests that change something
     * @return the decision
     */
    static Decision decide(RequestFacts request, Optional<Session> session, String httpsAddress, AllowedOrigins origins) {
        if (!request.secure()) {
            return new Refuse(403, "text/plain; charset=utf-8", "Bảng điều khiển chỉ phục vụ qua HTTPS: hãy mở "
                    + httpsAddress + "\nThe console is served over HTTPS only: open " + httpsAddress + "\n");
        }
        boolean safe = request.method().equals("GET") || request.method().equals("HEAD");
        if (!safe && request.origin() != null && !origins.allows(request.origin(), request.host())) {
            return refuse(request, 403, "Yêu cầu từ trang khác bị từ chối / cross-site request refused");
        }
        if (request.path().equals(LOGIN) || request.path().equals(STYLESHEET)) {
            return new Pass(session); // the sign-in form's POST carries no CSRF token: there is no session yet
        }
        if (session.isEmpty()) {
            if (isData(request) || !safe) {
                return refuse(request, 401, "Chưa đăng nhập / not signed in: POST user and password to " + LOGIN
                        + ", then send the congvu_session cookie it sets");
            }
            return new Redirect(LOGIN + "?next=" + URLEncoder.encode(LocalPath.orHome(request.target()), StandardCharsets.UTF_8));
        }
        if (!safe && !sameToken(session.get().csrf(), request.csrf())) {
            return refuse(request, 403, "Thiếu hoặc sai mã CSRF / missing or wrong CSRF token: send the form field csrf "
                    + "or the header X-CSRF-Token with this session's token");
        }
        return new Pass(session);
    }

    /**
     * @return whether the request is for data (JSON or CSV) rather than a page: under /api/, a .csv or .json path, a
     *         query with format=csv or format=json (a page's table as a download), or a client that asks for JSON
     */
    static boolean isData(RequestFacts request) {
        String path = request.path();
        return path.startsWith("/api/") || path.equals("/api") || path.endsWith(".csv") || path.endsWith(".json")
                || request.wantsJson() || asksForDataFormat(request.target());
    }

    /**
     * @param accept the Accept header, or null
     * @return whether it asks for JSON and not for a page (a script or another system, not a browser)
     */
    static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** Whether the target's query (its first {@value #QUERY_READ} characters) has format=csv or format=json. */
    static boolean asksForDataFormat(String target) {
        int start = target == null ? -1 : target.indexOf('?');
        if (start < 0) {
            return false;
        }
        String query = target.substring(start + 1, Math.min(target.length(), start + 1 + QUERY_READ));
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && decoded(pair.substring(0, equals)).equals("format")) {
                String format = decoded(pair.substring(equals + 1));
                if (format.equals("csv") || format.equals("json")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The form-decoded text, or "" if it is malformed (a stray '%'): such a parameter asks for nothing. */
    private static String decoded(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private static Refuse refuse(RequestFacts request, int status, String message) {
        if (isData(request)) {
            return new Refuse(status, "application/json; charset=utf-8", "{\"error\": " + Json.string(message) + "}");
        }
        return new Refuse(status, "text/plain; charset=utf-8", message + "\n");
    }

    private static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
