package vn.congvu.trust;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a congvu certificate says its holder is: a province node (by its two-digit province code) or the
 * ministry. The identity is a SPIFFE ID carried as the certificate's one URI subject alternative name:
 * {@code spiffe://congvu.moha.gov.vn/province/04} for Cao Bằng's node, {@code spiffe://congvu.moha.gov.vn/ministry}
 * for the ministry's servers. The subject's common name is for people only; nothing is decided on it.
 *
 * @param provinceCode the province's two-digit code, or {@code null} for the ministry
 */
public record NodeIdentity(String provinceCode) {

    /** The SPIFFE trust domain of every congvu certificate. */
    public static final String TRUST_DOMAIN = "congvu.moha.gov.vn";
    private static final String PREFIX = "spiffe://" + TRUST_DOMAIN + "/";
    private static final Pattern PROVINCE = Pattern.compile(Pattern.quote(PREFIX) + "province/([0-9]{2})");
    private static final int SAN_URI = 6;

    /** @throws IllegalArgumentException if the code is not two ASCII digits */
    public NodeIdentity {
        if (provinceCode != null && !provinceCode.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("a province code is two digits, not " + provinceCode);
        }
    }

    /** @return the identity of the province with this two-digit code */
    public static NodeIdentity province(String code) {
        return new NodeIdentity(code);
    }

    /** @return the ministry's identity */
    public static NodeIdentity ministry() {
        return new NodeIdentity(null);
    }

    /** @return whether this is the ministry rather than a province */
    public boolean isMinistry() {
        return provinceCode == null;
    }

    /** @return the SPIFFE ID written into the certificate's URI subject alternative name */
    public String uri() {
        return isMinistry() ? PREFIX + "ministry" : PREFIX + "province/" + provinceCode;
    }

    /**
     * Reads the identity a certificate carries.
     *
     * @param certificate a node's certificate
     * @return its identity
     * @throws CertificateException naming what is wrong when the certificate carries no congvu identity, or more
     *                              than one
     */
    public static NodeIdentity of(X509Certificate certificate) throws CertificateException {
        List<String> found = congvuUris(certificate);
        if (found.isEmpty()) {
            throw new CertificateException("certificate " + describe(certificate) + " names no congvu node (no URI "
                    + PREFIX + "... among its subject alternative names)");
        }
        if (found.size() > 1) {
            throw new CertificateException("certificate " + describe(certificate) + " names " + found.size()
                    + " congvu nodes " + found + "; a node certificate names exactly one");
        }
        String uri = found.get(0);
        if (uri.equals(PREFIX + "ministry")) {
            return ministry();
        }
        Matcher province = PROVINCE.matcher(uri);
        if (!province.matches()) {
            throw new CertificateException("certificate " + describe(certificate) + " names " + uri
                    + ", which is neither " + PREFIX + "province/<two-digit code> nor " + PREFIX + "ministry");
        }
        return province(province.group(1));
    }

    /** @return the certificate's subject and serial number (hex), for messages and logs */
    public static String describe(X509Certificate certificate) {
        return "serial " + certificate.getSerialNumber().toString(16) + " (" + certificate.getSubjectX500Principal().getName() + ")";
    }

    private static List<String> congvuUris(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        List<String> found = new ArrayList<>();
        if (names == null) {
            return found;
        }
        for (List<?> name : names) {
            if (name.size() >= 2 && Integer.valueOf(SAN_URI).equals(name.get(0)) && name.get(1) instanceof String uri
                    && uri.startsWith("spiffe://" + TRUST_DOMAIN)) {
                found.add(uri);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return isMinistry() ? "the ministry" : "province " + provinceCode;
    }
}
