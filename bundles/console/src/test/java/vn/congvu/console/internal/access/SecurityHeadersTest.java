package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    /** The headers the filter sets, through a response that keeps only them. */
    private static Map<String, String> headers(String path, boolean secure) {
        Map<String, String> headers = new TreeMap<>();
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("setHeader")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    headers.put((String) args[0], (String) args[1]);
                    return null;
                });
        AccessFilter.securityHeaders(response, path, secure);
        return headers;
    }

    @Test
    void https_getsStrictTransportSecurityForAYear() {
        Map<String, String> headers = headers("/console/", true);

        assertEquals("max-age=31536000", headers.get("Strict-Transport-Security"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("no-store", headers.get("Cache-Control"));
    }

    @Test
    void plainHttp_getsNoStrictTransportSecurity_whichBrowsersIgnoreThere() {
        assertFalse(headers("/console/", false).containsKey("Strict-Transport-Security"));
        assertEquals("no-cache", headers("/console/static/console.css", false).get("Cache-Control"));
    }
}
