package vn.congvu.trust.pki;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import vn.congvu.trust.Pem;

/**
 * {@code congvu pki CA_DIR COMMAND ...}: the ministry's certificate authority on the command line (see
 * {@link #USAGE}). Exits 0 on success, 1 on an error (one line naming what is wrong), 2 on wrong usage.
 */
public final class PkiCommand {

    /** What the tool prints when it is used wrongly. */
    public static final String USAGE = """
            usage: congvu pki CA_DIR COMMAND ...
              congvu pki CA_DIR init [--name NAME] [--days N]        create the CA (default 3650 days)
              congvu pki CA_DIR province CODE OUT_DIR [--days N]      issue a province certificate (default 397 days)
              congvu pki CA_DIR ministry OUT_DIR HOST... [--days N]   issue the ministry's server certificate (default 90 days)
              congvu pki CA_DIR revoke SERIAL [REASON...]            revoke; then copy CA_DIR/crl.pem to the ministry's etc/tls/crl.pem
              congvu pki CA_DIR crl [--days N]                       re-sign the CRL (next update in 30 days by default)
              congvu pki CA_DIR list                                 every certificate issued, with its expiry and status
            REASON is keyCompromise, superseded, cessationOfOperation or any text (unspecified).
            """;
    private static final long CA_DAYS = 3650;
    private static final long NODE_DAYS = 397;
    /** Short: provinces do not read the revocation list, so a leaked ministry key is stopped only by expiry. */
    private static final long MINISTRY_DAYS = 90;
    private static final long CRL_DAYS = 30;
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final PrintStream out;
    private final Clock clock;

    private PkiCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Runs the tool with UTF-8 output and exits with its code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the tool.
     *
     * @return 0 on success, 1 on an error, 2 on wrong usage
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        List<String> help = List.of("-h", "--help", "help");
        if (args.length == 1 && help.contains(args[0]) || args.length == 2 && help.contains(args[1])) {
            out.print(USAGE);
            return 0;
        }
        try {
            new PkiCommand(out, clock).execute(PkiArguments.parse(args));
            return 0;
        } catch (PkiArguments.UsageException e) {
            err.println("congvu pki: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | UncheckedIOException e) {
            err.println("congvu pki: " + describe(e));
            return 1;
        } catch (RuntimeException e) {
            // a bug rather than an operator's mistake, but still one line: the operator can report it as it is
            err.println("congvu pki: unexpected failure: " + e);
            return 1;
        }
    }

    private void execute(PkiArguments arguments) throws PkiArguments.UsageException, IOException,
            GeneralSecurityException {
        Path caFolder = arguments.caFolder();
        switch (arguments.command()) {
            case "init" -> {
                arguments.requireArguments(0, 0, "no arguments");
                CertificateAuthority ca = CertificateAuthority.create(caFolder,
                        arguments.name(CertificateAuthority.DEFAULT_NAME), arguments.days(CA_DAYS), clock);
                out.println("Created the CA " + ca.certificate().getSubjectX500Principal().getName() + " in "
                        + ca.folder() + ", valid until " + date(ca.certificate().getNotAfter().toInstant()) + ".");
                out.println("  " + ca.folder().resolve(CaFolder.KEY) + "  its private key: keep it secret and offline");
                out.println("  " + ca.certificateFile() + "  copy to every node's etc/tls/ca.crt.pem (issuing does)");
                out.println("  " + ca.crlFile() + "  the revocation list, for the ministry's etc/tls/crl.pem");
            }
            case "province" -> {
                arguments.requireArguments(2, 2, "CODE OUT_DIR");
                Path outFolder = PkiArguments.path(arguments.positionals().get(1), "folder");
                Duration validity = arguments.days(NODE_DAYS);
                CertificateAuthority ca = CertificateAuthority.open(caFolder, clock);
                printIssued(ca.issueProvince(arguments.positionals().get(0), validity, outFolder), outFolder);
            }
            case "ministry" -> {
                arguments.requireArguments(2, Integer.MAX_VALUE, "OUT_DIR and at least one HOST");
                Path outFolder = PkiArguments.path(arguments.positionals().get(0), "folder");
                List<String> hosts = arguments.positionals().subList(1, arguments.positionals().size());
                Duration validity = arguments.days(MINISTRY_DAYS);
                CertificateAuthority ca = CertificateAuthority.open(caFolder, clock);
                printIssued(ca.issueMinistry(hosts, validity, outFolder), outFolder);
            }
            case "revoke" -> revoke(arguments, caFolder);
            case "crl" -> {
                arguments.requireArguments(0, 0, "no arguments");
                Duration nextUpdateIn = arguments.days(CRL_DAYS);
                Path crl = CertificateAuthority.open(caFolder, clock).refreshCrl(nextUpdateIn);
                printCrl(crl);
                out.println("Copy it to the ministry's etc/tls/crl.pem (the ministry reloads it while running).");
            }
            case "list" -> {
                arguments.requireArguments(0, 0, "no arguments");
                CertificateAuthority ca = CertificateAuthority.open(caFolder, clock);
                new CertificateTable(clock.instant(), DATE).print(ca.list(), out);
                printCrl(ca.crlFile());
            }
            default -> throw new PkiArguments.UsageException("unknown command '" + arguments.command() + "'");
        }
    }

    private void revoke(PkiArguments arguments, Path caFolder) throws PkiArguments.UsageException, IOException,
            GeneralSecurityException {
        arguments.requireArguments(1, Integer.MAX_VALUE, "SERIAL and an optional REASON");
        BigInteger serial = PkiArguments.serial(arguments.positionals().get(0));
        String reason = String.join(" ", arguments.positionals().subList(1, arguments.positionals().size()));
        CertificateAuthority ca = CertificateAuthority.open(caFolder, clock);
        Optional<IssuedCertificate> before = ca.find(serial);
        IssuedCertificate revoked = ca.revoke(serial, reason);
        if (before.isPresent() && before.get().revoked()) {
            out.println("Serial " + revoked.serialHex() + " (" + revoked.identity() + ") was already revoked on "
                    + date(revoked.revokedAt()) + " (" + revoked.revocationReason() + "); nothing changed.");
            return;
        }
        out.println("Revoked serial " + revoked.serialHex() + " (" + revoked.identity() + ") on "
                + date(revoked.revokedAt()) + ", reason: " + revoked.revocationReason() + ".");
        printCrl(ca.crlFile());
        out.println("Copy " + ca.crlFile() + " to the ministry's etc/tls/crl.pem (the ministry reloads it while running).");
    }

    private void printIssued(IssuedCertificate issued, Path outFolder) {
        out.println("Issued the " + (issued.identity().isMinistry()
                ? "ministry's server certificate for " + String.join(", ", issued.hosts())
                : "client certificate of " + issued.identity()) + ", serial " + issued.serialHex() + ".");
        out.println("  " + outFolder.resolve(CertificateAuthority.NODE_KEY) + "  private key (owner-only: keep it secret)");
        out.println("  " + outFolder.resolve(CertificateAuthority.NODE_CERTIFICATE) + "  certificate");
        out.println("  " + outFolder.resolve(CertificateAuthority.CA_CERTIFICATE) + "  the CA certificate");
        out.println("  " + outFolder.resolve(CertificateAuthority.CRL) + "  the revocation list (the ministry's)");
        out.println("Valid from " + date(issued.notBefore()) + " until " + date(issued.notAfter()) + ".");
    }

    private void printCrl(Path file) throws IOException, GeneralSecurityException {
        X509CRL crl = Pem.readCrl(file);
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        String overdue = nextUpdate != null && nextUpdate.isBefore(clock.instant())
                ? " (overdue: re-sign it with congvu pki " + file.getParent() + " crl)" : "";
        out.println(file + ": " + revoked + " revoked, next update " + (nextUpdate == null ? "unset" : date(nextUpdate))
                + overdue + ".");
    }

    private static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** One line: the message, which names the file or value; file system errors without one get a reason. */
    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing && missing.getReason() == null) {
            return missing.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException denied && denied.getReason() == null) {
            return denied.getFile() + ": permission denied";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }
}
