package vn.congvu.trust.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.x509.CRLReason;
import vn.congvu.trust.Pem;

/**
 * The CA's record of revocations, {@code revoked.tsv}: one line per revoked certificate, UTF-8, three
 * tab-separated fields: serial number (lower-case hex), revocation instant (ISO-8601), reason text. Lines that are
 * empty or start with {@code #} are ignored, so an operator may annotate the file. The CRL is signed from it.
 */
final class RevocationLog {

    /** The longest reason kept; a reason is a word or a sentence, never a document. */
    static final int MAX_REASON = 200;

    /**
     * One revocation.
     *
     * @param serial the revoked certificate's serial number
     * @param at     when it was revoked
     * @param reason why, as the operator said it, on one line
     */
    record Revocation(BigInteger serial, Instant at, String reason) {

        /** @return the CRL reason code the reason text names, or unspecified */
        int reasonCode() {
            String word = reason.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
            return switch (word) {
                case "keycompromise" -> CRLReason.keyCompromise;
                case "superseded" -> CRLReason.superseded;
                case "cessationofoperation" -> CRLReason.cessationOfOperation;
                default -> CRLReason.unspecified;
            };
        }
    }

    private final Path file;

    RevocationLog(Path file) {
        this.file = file;
    }

    /** @return the reason on one line: tabs, newlines and other control characters become spaces */
    static String sanitise(String reason) {
        String line = reason == null ? "" : reason.replaceAll("\\p{Cntrl}", " ").replaceAll(" {2,}", " ").strip();
        if (line.isEmpty()) {
            return "unspecified";
        }
        return line.codePointCount(0, line.length()) <= MAX_REASON ? line
                : line.substring(0, line.offsetByCodePoints(0, MAX_REASON));
    }

    /**
     * @return every revocation, by serial number, in the order they were made; none when the file does not exist
     * @throws IOException naming the file and line when a line is malformed
     */
    Map<BigInteger, Revocation> read() throws IOException {
        Map<BigInteger, Revocation> revocations = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return revocations;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Revocation revocation = parse(line, number);
            revocations.putIfAbsent(revocation.serial(), revocation);
        }
        return revocations;
    }

    /** Adds a revocation, rewriting the file atomically. */
    void append(Revocation revocation) throws IOException {
        List<String> lines = new ArrayList<>(Files.exists(file)
                ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
        lines.add(revocation.serial().toString(16) + "\t" + revocation.at() + "\t" + sanitise(revocation.reason()));
        Pem.writeBytesAtomically(file, false, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Revocation parse(String line, int number) throws IOException {
        String[] fields = line.split("\t", 3);
        if (fields.length != 3) {
            throw malformed(number, "it has " + fields.length + " tab-separated fields, not 3 (serial, instant, reason)");
        }
        BigInteger serial;
        try {
            serial = new BigInteger(fields[0].strip(), 16);
        } catch (NumberFormatException e) {
            throw malformed(number, "'" + fields[0] + "' is not a serial number in hex");
        }
        try {
            return new Revocation(serial, Instant.parse(fields[1].strip()), fields[2].strip());
        } catch (DateTimeParseException e) {
            throw malformed(number, "'" + fields[1] + "' is not an ISO-8601 instant such as 2025-01-31T08:00:00Z");
        }
    }

    private IOException malformed(int line, String why) {
        return new IOException(file + " line " + line + " is malformed: " + why);
    }
}
