package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOriginsTest {

    @Test
    void empty_allowsOnlyTheHostsOwnOrigin() {
        AllowedOrigins own = AllowedOrigins.parse(" ");

        assertTrue(own.allows("https://bo.example.vn:8443", "bo.example.vn:8443"));
        assertFalse(own.allows("https://console.bonoivu.gov.vn", "bo.example.vn:8443"));
        assertFalse(own.allows("http://bo.example.vn:8443", "bo.example.vn:8443"));
        assertFalse(own.allows("https://bo.example.vn:8443", null));
    }

    @Test
    void listed_areAllowedAsABrowserWritesThem_besidesTheHostsOwn() {
        AllowedOrigins origins = AllowedOrigins.parse("https://Console.BoNoiVu.gov.vn:443, https://10.0.0.5:8443");

        assertTrue(origins.allows("https://console.bonoivu.gov.vn", "10.0.0.9:8443"));
        assertTrue(origins.allows("https://10.0.0.5:8443", "10.0.0.9:8443"));
        assertTrue(origins.allows("https://10.0.0.9:8443", "10.0.0.9:8443"));
        assertFalse(origins.allows("https://10.0.0.5", "10.0.0.9:8443"));
        assertEquals("https://10.0.0.5:8443,https://console.bonoivu.gov.vn", origins.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://console.bonoivu.gov.vn", "https://console.bonoivu.gov.vn/", "https://x/console",
            "console.bonoivu.gov.vn", "https://a@x", "https://x?y", "https://x:0", "https://x:70000", "https://x,",
            "https://x y", "null", "*"})
    void somethingNotAnHttpsOrigin_isRefusedNamingTheSettingAndTheEntry(String setting) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> AllowedOrigins.parse(setting));

        assertTrue(refused.getMessage().startsWith("allowed.origins: '"), refused.getMessage());
        assertTrue(refused.getMessage().contains("etc/vn.congvu.console.cfg"), refused.getMessage());
    }

    @Test
    void aLongList_isRefused() {
        String many = IntStream.range(0, AllowedOrigins.MOST + 1).mapToObj(i -> "https://h" + i)
                .collect(Collectors.joining(","));

        assertThrows(IllegalArgumentException.class, () -> AllowedOrigins.parse(many));
        assertThrows(IllegalArgumentException.class, () -> AllowedOrigins.parse("https://x,".repeat(100_000)));
    }
}
