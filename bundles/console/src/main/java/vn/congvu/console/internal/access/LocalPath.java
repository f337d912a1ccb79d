package vn.congvu.console.internal.access;

import java.util.regex.Pattern;

/**
 * Where the sign-in page may send a browser afterwards: a page of the console on this server, never another site
 * (an open redirect would let a phishing link pass through the ministry's address).
 */
final class LocalPath {

    static final String HOME = "/console/";
    private static final int MAX = 2000;
    /** A path of the console and an optional query, in URL characters only: no scheme, no "//", no backslash. */
    private static final Pattern LOCAL = Pattern.compile("/console(/[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]*)?(\\?[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?]*)?");

    private LocalPath() {
    }

    /**
     * @param next where the browser asked to go, or null
     * @return it if it is a console page on this server (not the sign-in or sign-out page), else the console's home
     */
    static String orHome(String next) {
        if (next == null || next.length() > MAX || !LOCAL.matcher(next).matches() || next.contains("//")
                || next.startsWith(AccessRules.LOGIN) || next.startsWith("/console/logout")) {
            return HOME;
        }
        return next;
    }
}
