package vn.congvu.console.internal.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON answers of the console: a string literal for the few fixed bodies written here, and writing a body. */
public final class Json {

    private Json() {
    }

    /**
     * Writes a JSON body with its status, type and length.
     *
     * @param response the response, nothing written yet
     * @param status   the HTTP status
     * @param json     the body
     * @throws IOException if the client went away
     */
    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '<' -> json.append("\\u003c"); // never read as markup, even if sniffed
                case '>' -> json.append("\\u003e");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
