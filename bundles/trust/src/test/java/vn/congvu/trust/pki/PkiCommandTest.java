package vn.congvu.trust.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congvu.trust.Pem;

class PkiCommandTest {

    /** 20:00 UTC is 03:00 the next day in Hồ Chí Minh City, so the dates printed show the zone. */
    private static final Instant NOW = Instant.parse("2025-06-01T20:00:00Z");

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run pki(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PkiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String ca() {
        return dir.resolve("ca").toString();
    }

    @Test
    void init_thenIssueBothKinds_writesTheFilesAndPrintsSerialFilesAndExpiry() throws Exception {
        Run init = pki(ca(), "init", "--name", "Bộ Nội vụ CA");
        assertEquals(0, init.code(), init.err());
        assertTrue(init.out().contains("CN=Bộ Nội vụ CA,O=Bộ Nội vụ,C=VN"), init.out());
        assertTrue(init.out().contains("valid until 2035-05-31"), init.out());

        Path node = dir.resolve("caobang");
        Run province = pki(ca(), "province", "04", node.toString(), "--days=10");
        assertEquals(0, province.code(), province.err());
        String serial = Pem.readCertificates(node.resolve("node.crt.pem")).get(0).getSerialNumber().toString(16);
        assertTrue(province.out().contains("serial " + serial), province.out());
        assertTrue(province.out().contains(node.resolve("node.key.pem").toString()), province.out());
        assertTrue(province.out().contains("until 2025-06-12"), province.out());

        Run ministry = pki(ca(), "ministry", dir.resolve("ministry").toString(), "localhost", "127.0.0.1");
        assertEquals(0, ministry.code(), ministry.err());
        assertTrue(ministry.out().contains("server certificate for localhost, 127.0.0.1, serial"), ministry.out());
        assertTrue(ministry.out().contains("until 2025-08-31"), "90 days by default: " + ministry.out());
    }

    @Test
    void list_showsEveryCertificateWithItsStatus() {
        pki(ca(), "init");
        pki(ca(), "province", "04", dir.resolve("a").toString(), "--days", "10");
        pki(ca(), "province", "79", dir.resolve("b").toString());
        pki(ca(), "ministry", dir.resolve("m").toString(), "congvu.moha.gov.vn");
        String serial = serialIn(dir.resolve("b"));
        assertEquals(0, pki(ca(), "revoke", serial, "cessation", "of", "operation").code());

        Run list = pki(ca(), "list");

        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("SERIAL"), list.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("province 04") && l.endsWith("expires in 10 days")), list.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(serial) && l.contains("province 79")
                && l.endsWith("revoked on 2025-06-02 (cessation of operation)")), list.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("ministry congvu.moha.gov.vn") && l.endsWith("valid")),
                list.out());
        assertTrue(list.out().contains("1 revoked, next update 2025-07-02"), list.out());
    }

    @Test
    void revoke_printsTheCrlToCopy_andTwiceSaysItWasAlreadyRevoked() {
        pki(ca(), "init");
        pki(ca(), "province", "04", dir.resolve("a").toString());
        String serial = serialIn(dir.resolve("a"));

        Run first = pki(ca(), "revoke", serial.toUpperCase(), "keyCompromise");
        Run second = pki(ca(), "revoke", serial, "superseded");

        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Revoked serial " + serial + " (province 04) on 2025-06-02"), first.out());
        assertTrue(first.out().contains("to the ministry's etc/tls/crl.pem"), first.out());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("was already revoked on 2025-06-02 (keyCompromise); nothing changed"),
                second.out());
    }

    @Test
    void crl_reSignsWithTheDaysAsked() throws Exception {
        pki(ca(), "init");

        Run crl = pki(ca(), "crl", "--days", "7");

        assertEquals(0, crl.code(), crl.err());
        assertTrue(crl.out().contains("0 revoked, next update 2025-06-09"), crl.out());
        assertEquals(NOW.plusSeconds(7 * 86_400), Pem.readCrl(dir.resolve("ca/crl.pem")).getNextUpdate().toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CA", "CA frobnicate", "CA init extra", "CA province 04", "CA ministry OUT",
        "CA province 04 OUT --days", "CA province 04 OUT --days abc", "CA province 04 OUT --days 0",
        "CA province 04 OUT --name x", "CA revoke", "CA revoke zz", "CA list --days 3", "CA crl --days 1 --days 2"})
    void wrongUsage_exitsTwoWithTheUsage(String commandLine) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.replace("CA", ca()).split(" ");

        Run run = pki(args);

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("congvu pki: "), run.err());
        assertTrue(run.err().contains(PkiCommand.USAGE), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(dir.resolve("ca")), "nothing is created");
    }

    @Test
    void help_printsTheUsageAndExitsZero() {
        Run run = pki("--help");
        assertEquals(0, run.code());
        assertEquals(PkiCommand.USAGE, run.out());
    }

    @Test
    void errors_exitOneWithOneLineNamingWhatIsWrong() {
        assertOneLineError(pki(ca(), "list"), "is not a congvu CA folder");
        pki(ca(), "init");
        assertOneLineError(pki(ca(), "init"), "already holds a CA");
        assertOneLineError(pki(ca(), "province", "4", dir.resolve("a").toString()), "two digits, not 4");
        assertOneLineError(pki(ca(), "ministry", dir.resolve("m").toString(), "bad_host"), "host 'bad_host'");
        assertOneLineError(pki(ca(), "province", "04", dir.resolve("a").toString(), "--days", "4000"),
                "would outlive the CA certificate");
        assertOneLineError(pki(ca(), "revoke", "abc"), "issued no certificate with serial abc");
        assertFalse(Files.exists(dir.resolve("a")));
    }

    private static String serialIn(Path node) {
        try {
            return Pem.readCertificates(node.resolve("node.crt.pem")).get(0).getSerialNumber().toString(16);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertOneLineError(Run run, String expected) {
        assertEquals(1, run.code(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("congvu pki: ") && run.err().contains(expected), run.err());
    }
}
