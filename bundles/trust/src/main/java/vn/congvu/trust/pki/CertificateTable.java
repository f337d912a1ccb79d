package vn.congvu.trust.pki;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The table {@code congvu pki CA_DIR list} prints: one certificate a line, with what an operator must act on. */
final class CertificateTable {

    /** Certificates this close to expiry are flagged, as the nodes warn about them in their logs. */
    static final long WARN_DAYS = vn.congvu.trust.NodeCredentials.WARN_DAYS;

    private final Instant now;
    private final DateTimeFormatter date;

    CertificateTable(Instant now, DateTimeFormatter date) {
        this.now = now;
        this.date = date;
    }

    void print(List<IssuedCertificate> certificates, PrintStream out) {
        if (certificates.isEmpty()) {
            out.println("No certificates issued yet.");
            return;
        }
        int serialWidth = "SERIAL".length();
        int identityWidth = "IDENTITY".length();
        for (IssuedCertificate certificate : certificates) {
            serialWidth = Math.max(serialWidth, certificate.serialHex().length());
            identityWidth = Math.max(identityWidth, identity(certificate).length());
        }
        String row = "%-" + serialWidth + "s  %-8s  %-" + identityWidth + "s  %-11s  %s%n";
        out.printf(row, "SERIAL", "KIND", "IDENTITY", "VALID UNTIL", "STATUS");
        for (IssuedCertificate certificate : certificates) {
            out.printf(row, certificate.serialHex(), certificate.kind(), identity(certificate),
                    date.format(certificate.notAfter()), status(certificate));
        }
    }

    /** @return valid, expires in N days, expired, not yet valid, or revoked on a date */
    String status(IssuedCertificate certificate) {
        if (certificate.revoked()) {
            return "revoked on " + date.format(certificate.revokedAt()) + " (" + certificate.revocationReason() + ")";
        }
        if (!now.isBefore(certificate.notAfter())) {
            return "expired";
        }
        if (now.isBefore(certificate.notBefore())) {
            return "not yet valid (from " + date.format(certificate.notBefore()) + ")";
        }
        long days = certificate.daysLeft(now);
        if (days <= WARN_DAYS) {
            return days == 0 ? "expires today" : "expires in " + days + (days == 1 ? " day" : " days");
        }
        return "valid";
    }

    private static String identity(IssuedCertificate certificate) {
        return certificate.identity().isMinistry() ? "ministry " + String.join(",", certificate.hosts())
                : "province " + certificate.identity().provinceCode();
    }
}
