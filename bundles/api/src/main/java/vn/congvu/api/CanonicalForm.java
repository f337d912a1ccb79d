package vn.congvu.api;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a report (version 2), the bytes its content hash is computed over. The
 * specification, byte by byte, is the comment on {@code Report.content_hash} in
 * {@code congvu/federation/v1/reporting.proto}; test vectors lie beside that file.
 *
 * <p>Every text is prefixed with its length in UTF-8 bytes and every list with its count, so the bytes read
 * back in exactly one way whatever characters the text holds: two reports that differ in any covered field
 * have different forms. List elements are ordered by their encoded bytes, so the order a sender used does
 * not matter.
 */
public final class CanonicalForm {

    /** The version tag the form starts with. */
    public static final String VERSION = "congvu.report.v2";

    private CanonicalForm() {
    }

    /**
     * @param report a report
     * @return its canonical form
     */
    public static byte[] of(Report report) {
        Encoder out = new Encoder();
        out.text(VERSION);
        out.text(report.key().provinceCode());
        out.integer(report.key().period().year());
        out.text("PERIOD_KIND_" + report.key().period().kind().name());
        out.integer(report.key().period().number());
        out.text("REGIME_" + report.key().regime().name());
        List<byte[]> modules = new ArrayList<>(report.modules().size());
        for (ModuleProvenance module : report.modules()) {
            modules.add(new Encoder().text(module.moduleId()).text(module.version()).text(module.jarSha256()).bytes());
        }
        out.list(modules);
        List<byte[]> values = new ArrayList<>(report.values().size());
        for (IndicatorValue value : report.values()) {
            Encoder element = new Encoder().text(value.code());
            List<byte[]> dimensions = new ArrayList<>(value.disaggregation().dimensions().size());
            for (Map.Entry<String, String> dimension : value.disaggregation().dimensions().entrySet()) {
                dimensions.add(new Encoder().text(dimension.getKey()).text(dimension.getValue()).bytes());
            }
            values.add(element.list(dimensions).text(canonicalNumber(value.value())).bytes());
        }
        out.list(values);
        List<byte[]> findings = new ArrayList<>(report.findings().size());
        for (Finding finding : report.findings()) {
            findings.add(new Encoder().text(finding.ruleId()).text(finding.unit()).integer(finding.count())
                    .text("SEVERITY_" + finding.severity().name()).text(finding.message()).bytes());
        }
        out.list(findings);
        return out.bytes();
    }

    /**
     * @param report a report
     * @return the SHA-256 of its canonical form, lower-case hex
     */
    public static String sha256Hex(Report report) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(of(report)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * @param number a decimal number
     * @return its shortest plain form: no exponent, no trailing fractional zeros, "0" for zero
     */
    public static String canonicalNumber(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Appends TEXT, INT and LIST encodings to a growing byte array. */
    private static final class Encoder {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

        Encoder text(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes.writeBytes(Integer.toString(utf8.length).getBytes(StandardCharsets.US_ASCII));
            bytes.write(':');
            bytes.writeBytes(utf8);
            return this;
        }

        Encoder integer(long number) {
            return text(Long.toString(number));
        }

        Encoder list(List<byte[]> elements) {
            integer(elements.size());
            byte[][] sorted = elements.toArray(new byte[0][]);
            Arrays.sort(sorted, Arrays::compareUnsigned);
            for (byte[] element : sorted) {
                bytes.writeBytes(element);
            }
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
