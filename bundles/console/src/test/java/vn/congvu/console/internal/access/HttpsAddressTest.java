package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpsAddressTest {

    @Test
    void of_namesHostAndPort_andNeverRepeatsAHostileHost() {
        assertEquals("https://bo.example.vn:8443/console/", HttpsAddress.of("bo.example.vn", "8443"));
        assertEquals("https://bo.example.vn/console/", HttpsAddress.of("bo.example.vn", "443"));
        assertEquals("https://127.0.0.1:8443/console/", HttpsAddress.of("127.0.0.1", null));
        assertEquals("https://[::1]:9443/console/", HttpsAddress.of("::1", "9443"));
        assertEquals("https://HOST:8443/console/", HttpsAddress.of("evil\r\nSet-Cookie: x", "8443"));
    }
}
