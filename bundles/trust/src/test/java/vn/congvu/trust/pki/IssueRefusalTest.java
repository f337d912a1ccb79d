package vn.congvu.trust.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the CA refuses to sign, and that a refusal leaves no trace. */
class IssueRefusalTest {

    @TempDir
    static Path dir;
    private static CertificateAuthority ca;

    @BeforeAll
    static void createCa() throws Exception {
        ca = CertificateAuthority.create(dir.resolve("ca"), "test CA", Duration.ofDays(3650));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"4", "004", "ab", "0x", " 04", "٠٤", "04\n"})
    void issueProvince_codeThatIsNotTwoAsciiDigits_isRefused(String code) throws Exception {
        Path out = dir.resolve("refused");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ca.issueProvince(code, Duration.ofDays(10), out));

        assertTrue(e.getMessage().contains("two digits"), e.getMessage());
        assertFalse(out.toFile().exists());
        assertEquals(List.of(), ca.list());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_host", "-congvu.vn", "congvu-.vn", "a..b", "*.moha.gov.vn", "10.0.0.300", "1.2.3",
        "exa mple.vn", "bộnộivụ.vn", "congvu.vn.", "[::1]", "a\u0000b"})
    void issueMinistry_hostThatIsNeitherADnsNameNorAnAddress_isRefusedNamingIt(String host) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ca.issueMinistry(List.of("congvu.moha.gov.vn", host), Duration.ofDays(10), dir.resolve("refused")));

        assertTrue(e.getMessage().startsWith("host '"), e.getMessage());
        assertTrue(e.getMessage().contains("is neither a DNS name"), e.getMessage());
        assertEquals(List.of(), ca.list());
    }

    @Test
    void issueMinistry_labelOf64Characters_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ca.issueMinistry(List.of("a".repeat(64) + ".vn"), Duration.ofDays(10), dir.resolve("refused")));
    }

    @Test
    void issueMinistry_noHost_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ca.issueMinistry(List.of(), Duration.ofDays(10), dir.resolve("refused")));
        assertTrue(e.getMessage().contains("at least one host"), e.getMessage());
    }

    @Test
    void issueMinistry_blankHost_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ca.issueMinistry(List.of(" "), Duration.ofDays(10), dir.resolve("refused")));
    }
}
