package vn.congvu.console.internal.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The sign-in and account pages' HTML: escaping, and the page around their content. */
public final class Html {

    private Html() {
    }

    /** @return the text with &amp; &lt; &gt; &quot; &#39; escaped, safe in content and in quoted attributes */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /**
     * Writes a whole page.
     *
     * @param title  the page's title, plain text
     * @param header what goes in the page's header bar (HTML), or empty
     * @param main   the page's content (HTML)
     */
    public static void write(HttpServletResponse response, int status, String title, String header, String main) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · congvu</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + AccessRules.STYLESHEET + "\">\n</head>\n<body>\n"
                + "<header class=\"bar\"><a class=\"brand\" href=\"/console/\">congvu · Bộ Nội vụ</a>" + header + "</header>\n"
                + "<main>\n" + main + "\n</main>\n</body>\n</html>\n";
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** @return a hidden form field carrying the session's CSRF token */
    public static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">";
    }

    /** @return the header's sign-out form, for a signed-in page */
    public static String signedIn(ConsoleUser user) {
        return "<form class=\"signout\" method=\"post\" action=\"/console/logout\">" + csrfField(user.csrf())
                + "<span>" + escape(user.displayName()) + "</span> <button type=\"submit\" id=\"sign-out\">Đăng xuất</button></form>";
    }
}
