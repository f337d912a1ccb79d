package vn.congvu.console.internal.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The origins whose pages may send the console requests that change something (POST and the like): the console's own,
 * as the browser's Host header names it, and those of setting {@code allowed.origins}, for a console behind a reverse
 * proxy that rewrites the Host header (the browser's Origin then names the proxy's address, not the Host the console
 * sees).
 */
final class AllowedOrigins {

    static final String SETTING = "allowed.origins";
    /** More would be a mistake: a few proxies' addresses at most. */
    static final int MOST = 20;
    private static final int LONGEST = 300;

    private final SortedSet<String> extra;

    private AllowedOrigins(Set<String> extra) {
        this.extra = Collections.unmodifiableSortedSet(new TreeSet<>(extra));
    }

    /** @return only the console's own origin */
    static AllowedOrigins own() {
        return new AllowedOrigins(Set.of());
    }

    /**
     * @param setting a comma-separated list of origins such as {@code https://console.bonoivu.gov.vn,
     *                https://10.0.0.5:8443}; blank for none
     * @return them, each in the form a browser sends (host in lower case, no default port)
     * @throws IllegalArgumentException naming the setting, the file and the wrong entry, if one is not an https origin
     */
    static AllowedOrigins parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return own();
        }
        if (setting.length() > MOST * LONGEST) {
            throw invalid(setting, "too long a list (at most " + MOST + " origins)");
        }
        Set<String> origins = new TreeSet<>();
        for (String entry : setting.split(",", -1)) {
            origins.add(origin(entry.strip()));
        }
        if (origins.size() > MOST) {
            throw invalid(setting, "more than " + MOST + " origins");
        }
        return new AllowedOrigins(origins);
    }

    /**
     * @param origin the request's Origin header (not null)
     * @param host   the request's Host header, or null
     * @return whether a request from that origin may change something
     */
    boolean allows(String origin, String host) {
        return (host != null && origin.equals("https://" + host)) || extra.contains(origin);
    }

    @Override
    public String toString() {
        return extra.isEmpty() ? "(the Host's own origin only)" : String.join(",", extra);
    }

    private static String origin(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw invalid(entry, "not an address");
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (entry.length() > LONGEST || !"https".equals(uri.getScheme()) || uri.getHost() == null || !bare) {
            throw invalid(entry, "not an https origin (scheme, host and port only, no path or trailing '/')");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65_535) {
            throw invalid(entry, "the port is outside 1..65535");
        }
        // as a browser serializes an origin: host in lower case, no port when it is https's default
        return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || port == 443 ? "" : ":" + port);
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        String shown = entry.length() > 80 ? entry.substring(0, 80) + "…" : entry;
        return new IllegalArgumentException(SETTING + ": '" + shown + "': " + why + "; give a comma-separated list such"
                + " as https://console.bonoivu.gov.vn,https://10.0.0.5:8443, or nothing for the Host's own origin only"
                + " (etc/" + ConsoleConfig.PID + ".cfg)");
    }
}
