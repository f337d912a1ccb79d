package vn.congvu.console.internal.access;

import java.util.regex.Pattern;

/** The console's HTTPS address, for telling a browser that came over plain HTTP where to go. */
final class HttpsAddress {

    /** A host name, an IPv4 address or a bracketed IPv6 address; anything else in a Host header is not repeated. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]|[0-9A-Fa-f:]{2,45}");

    private HttpsAddress() {
    }

    /**
     * @param host the host the browser asked for
     * @param port the HTTPS port (framework property org.osgi.service.http.port.secure), or null
     * @return such as {@code https://ministry.example.vn:8443/console/}
     */
    static String of(String host, String port) {
        String shown = host != null && HOST.matcher(host).matches() ? host : "HOST";
        if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        // Felix HTTP's default HTTPS port, when none is set
        String number = port == null || !port.strip().matches("\\d{1,5}") ? "8443" : port.strip();
        String portPart = number.equals("443") ? "" : ":" + number;
        return "https://" + shown + portPart + "/console/";
    }
}
