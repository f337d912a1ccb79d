package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Checks that a rule jar is signed, as {@code jarsigner} signs, by a publisher the node trusts: the JDK's own
 * JAR verification ({@link JarFile} opened to verify, every entry read through, so that an entry changed after
 * signing fails its digest) and its PKIX path validation against the trusted certificates. Every entry other
 * than the signature files must be covered by one and the same trusted signer.
 */
final class JarSignatures {

    /** Files that make the signature, by the JDK's own rule (SIG-* only with no extension or one of 1 to 3 letters or digits). */
    private static final Pattern SIGNATURE_FILE = Pattern.compile(
            "META-INF/(MANIFEST\\.MF|[^/]+\\.(SF|RSA|DSA|EC)|SIG-[^/.]*(\\.[A-Za-z0-9]{1,3})?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE_BLOCK = Pattern.compile("META-INF/[^/]+\\.SF", Pattern.CASE_INSENSITIVE);
    private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    private static final String ANY_USAGE = "2.5.29.37.0";
    /** Bounds on what verifying a hostile jar may read. */
    private static final int MAX_ENTRIES = 65_536;
    private static final long MAX_UNCOMPRESSED_BYTES = 512L << 20;
    private static final int NAMES_LISTED = 5;

    /**
     * What the check found.
     *
     * @param signer   the trusted signer, as {@link #describe(X509Certificate)} names it; null when none
     * @param unsigned whether the jar carries no signature at all (as opposed to a signature that fails)
     * @param problems why the jar is not accepted, in words; empty when it is
     */
    record Verdict(String signer, boolean unsigned, List<String> problems) {
        Verdict {
            problems = List.copyOf(problems);
        }

        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private JarSignatures() {
    }

    /**
     * @param jar           the jar
     * @param trusted       the publishers this node trusts
     * @param now           the time certificates must be valid at
     * @param ranHereBefore whether this very jar ran on this node before (a restart, a rollback): a certificate
     *                      that expired since does not stop it running again
     * @return the verdict
     */
    static Verdict verify(Path jar, PublisherTrust.Trusted trusted, Instant now, boolean ranHereBefore) {
        Map<X509Certificate, CodeSigner> common = null;
        List<String> uncovered = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int signedEntries = 0;
        boolean signatureFiles = false;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            if (file.size() > MAX_ENTRIES) {
                return new Verdict(null, false, List.of("it holds " + file.size() + " entries, more than the "
                        + MAX_ENTRIES + " a rule jar may hold"));
            }
            List<JarEntry> entries = Collections.list(file.entries());
            long read = 0;
            byte[] buffer = new byte[8192];
            for (JarEntry entry : entries) {
                try (InputStream in = file.getInputStream(entry)) {
                    // reading an entry to its end is what makes the JDK compare it with its signed digest
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        read += n;
                        if (read > MAX_UNCOMPRESSED_BYTES) {
                            return new Verdict(null, false, List.of("it unpacks to more than "
                                    + (MAX_UNCOMPRESSED_BYTES >> 20) + " MB, more than a rule jar may"));
                        }
                    }
                } catch (SecurityException e) {
                    changed.add(entry.getName() + " (" + e.getMessage() + ")");
                    continue;
                }
                if (entry.isDirectory() || SIGNATURE_FILE.matcher(entry.getName()).matches()) {
                    signatureFiles |= SIGNATURE_BLOCK.matcher(entry.getName()).matches();
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    uncovered.add(entry.getName());
                    continue;
                }
                signedEntries++;
                Map<X509Certificate, CodeSigner> bySigner = new LinkedHashMap<>();
                for (CodeSigner signer : signers) {
                    bySigner.put((X509Certificate) signer.getSignerCertPath().getCertificates().get(0), signer);
                }
                if (common == null) {
                    common = bySigner;
                } else {
                    common.keySet().retainAll(bySigner.keySet());
                }
            }
        } catch (SecurityException e) {
            return new Verdict(null, false, List.of("its signature does not match its content, so it was changed after it was"
                    + " signed (" + e.getMessage() + ")"));
        } catch (IOException e) {
            return new Verdict(null, false, List.of("it cannot be read as a jar: " + e.getMessage()));
        }
        if (!changed.isEmpty()) {
            return new Verdict(null, false, List.of("it was changed after it was signed: " + listed(changed)
                    + " no longer match" + (changed.size() == 1 ? "es" : "") + " the signed digest"));
        }
        if (signedEntries == 0 && signatureFiles) {
            // the JDK takes a signature it cannot check (a disabled algorithm such as SHA-1, a damaged block) as none
            return new Verdict(null, false, List.of("its signature cannot be verified (made with an algorithm this Java no"
                    + " longer accepts, such as SHA-1, or damaged): the publisher must sign it again (jarsigner, SHA-256)"));
        }
        if (signedEntries == 0) {
            return new Verdict(null, true, List.of("it is not signed; this node installs only rule jars signed (jarsigner) by a"
                    + " publisher whose certificate is in " + trusted.folder()));
        }
        if (!uncovered.isEmpty()) {
            return new Verdict(null, false, List.of("it holds entries its signature does not cover (added after signing): "
                    + listed(uncovered)));
        }
        if (common.isEmpty()) {
            return new Verdict(null, false, List.of("its entries are signed by different signers; one publisher must sign them all"));
        }
        return trustedSigner(common.values(), trusted, now, ranHereBefore);
    }

    private static Verdict trustedSigner(Iterable<CodeSigner> signers, PublisherTrust.Trusted trusted, Instant now,
                                         boolean ranHereBefore) {
        List<String> problems = new ArrayList<>();
        for (CodeSigner signer : signers) {
            X509Certificate certificate = (X509Certificate) signer.getSignerCertPath().getCertificates().get(0);
            String name = describe(certificate);
            Date at = Date.from(now);
            try {
                certificate.checkValidity(at);
            } catch (CertificateExpiredException e) {
                if (!ranHereBefore) {
                    problems.add("it is signed by " + name + ", whose certificate expired on " + day(certificate.getNotAfter())
                            + "; the publisher must sign it again with a valid certificate");
                    continue;
                }
                at = certificate.getNotAfter(); // it was accepted while valid; checked as of then
            } catch (CertificateNotYetValidException e) {
                problems.add("it is signed by " + name + ", whose certificate is valid only from " + day(certificate.getNotBefore()));
                continue;
            }
            String usage = codeSigningProblem(certificate);
            if (usage != null) {
                problems.add("it is signed by " + name + ", whose certificate is not for signing code: " + usage);
                continue;
            }
            if (trusted.certificates().isEmpty()) {
                problems.add("it is signed by " + name + ", but this node trusts no publisher: put the publisher's certificate"
                        + " (PEM) into " + trusted.folder() + unreadable(trusted));
                continue;
            }
            try {
                validate(signer.getSignerCertPath(), trusted.certificates(), at);
                return new Verdict(name, false, List.of());
            } catch (CertPathValidatorException e) {
                problems.add("it is signed by " + name + ", a publisher this node does not trust (no certificate in "
                        + trusted.folder() + " vouches for it" + (e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED
                        ? "" : ": " + e.getMessage()) + ")" + unreadable(trusted));
            } catch (GeneralSecurityException e) {
                problems.add("the certificate of " + name + " cannot be checked: " + e.getMessage());
            }
        }
        return new Verdict(null, false, problems);
    }

    /**
     * @return why the certificate may not sign code (a TLS certificate of the same CA, say), or null: an extended
     *         key usage, when present, must allow code signing, and a key usage must allow digital signatures
     */
    private static String codeSigningProblem(X509Certificate certificate) {
        try {
            List<String> extended = certificate.getExtendedKeyUsage();
            if (extended != null && !extended.contains(CODE_SIGNING) && !extended.contains(ANY_USAGE)) {
                return "its extended key usage " + extended + " does not include code signing (" + CODE_SIGNING + ")";
            }
        } catch (java.security.cert.CertificateParsingException e) {
            return "its extended key usage cannot be read: " + e.getMessage();
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[0]) {
            return "its key usage does not include digital signatures";
        }
        return null;
    }

    private static void validate(CertPath path, List<X509Certificate> trusted, Date at) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = trusted.stream().map(certificate -> new TrustAnchor(certificate, null))
                .collect(Collectors.toSet());
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false); // no network here; a publisher is withdrawn by removing its certificate
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    /**
     * @param certificate a signer's certificate
     * @return its subject and the first 12 hex digits of its SHA-256 fingerprint
     */
    static String describe(X509Certificate certificate) {
        String fingerprint;
        try {
            fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))
                    .substring(0, 12);
        } catch (GeneralSecurityException e) {
            fingerprint = "?";
        }
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253) + " (sha256 " + fingerprint + ")";
    }

    private static String unreadable(PublisherTrust.Trusted trusted) {
        return trusted.unreadable().isEmpty() ? "" : "; unreadable there: " + String.join("; ", trusted.unreadable());
    }

    private static String listed(List<String> names) {
        return names.size() <= NAMES_LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMES_LISTED)) + " and " + (names.size() - NAMES_LISTED) + " more";
    }

    private static String day(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
