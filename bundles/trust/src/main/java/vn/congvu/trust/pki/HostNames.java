package vn.congvu.trust.pki;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.util.IPAddress;

/**
 * The host names and addresses a ministry server certificate is valid for, checked before anything is signed:
 * a TLS client matches the name it dialled against these, so a typo would only show as failed handshakes later.
 */
final class HostNames {

    /** A DNS label (RFC 1123): letters, digits and inner hyphens, 1 to 63 characters. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_NAME = 253;
    private static final int MAX_HOSTS = 100;

    private HostNames() {
    }

    /**
     * @param hosts DNS names or IPv4/IPv6 literals, as an operator typed them
     * @return the hosts, DNS names in lower case, duplicates dropped, in the given order
     * @throws IllegalArgumentException naming the first host that is neither a DNS name nor an IP literal
     */
    static List<String> check(List<String> hosts) {
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("a ministry certificate names at least one host (the DNS name or IP "
                    + "address provinces connect to)");
        }
        if (hosts.size() > MAX_HOSTS) {
            throw new IllegalArgumentException("a ministry certificate names at most " + MAX_HOSTS + " hosts, not "
                    + hosts.size());
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String host : hosts) {
            checked.add(checkOne(host));
        }
        return List.copyOf(checked);
    }

    /** @return each host as a subject alternative name: an iPAddress for a literal, else a dNSName */
    static List<GeneralName> generalNames(List<String> checkedHosts) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : checkedHosts) {
            names.add(isIpLiteral(host) ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host));
        }
        return names;
    }

    private static String checkOne(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a host name is empty; name the DNS name or IP address provinces use");
        }
        if (isIpLiteral(host)) {
            return host;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (!isDnsName(name)) {
            throw new IllegalArgumentException("host '" + printable(host) + "' is neither a DNS name (letters, digits, "
                    + "hyphens and dots, such as congvu.moha.gov.vn; no wildcards; accented names in their xn-- form) "
                    + "nor an IPv4 or IPv6 address");
        }
        return name;
    }

    static boolean isIpLiteral(String host) {
        return IPAddress.isValidIPv4(host) || IPAddress.isValidIPv6(host);
    }

    private static boolean isDnsName(String name) {
        if (name.length() > MAX_NAME) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // an all-digit last label is a mistyped IPv4 address (such as 10.0.0.300), never a top-level domain
        return !labels[labels.length - 1].matches("[0-9]+");
    }

    /** Keeps control characters an operator pasted by mistake from garbling the message that names the host. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_NAME).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
