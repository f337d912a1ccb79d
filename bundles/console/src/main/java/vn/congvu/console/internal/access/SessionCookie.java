package vn.congvu.console.internal.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The session cookie: {@code congvu_session}, sent only over HTTPS, unreadable by scripts, never sent by another site's
 * page (SameSite=Strict), for the whole server, ending with the browser (the server ends it sooner).
 */
final class SessionCookie {

    static final String NAME = "congvu_session";

    private SessionCookie() {
    }

    /** @return every congvu_session value the request sent (a browser may send two, from two paths or hosts) */
    static List<String> tokens(HttpServletRequest request) {
        List<String> tokens = new ArrayList<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName()) && tokens.size() < 4) {
                    tokens.add(cookie.getValue());
                }
            }
        }
        return tokens;
    }

    static void set(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    static void clear(HttpServletResponse response) {
        response.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
    }
}
