package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {

    @Test
    void add_manyKeysThroughSeveralGrowths_eachNewOnceAndSeenAfter() {
        KeyFingerprints keys = new KeyFingerprints();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(keys.add("HS-" + i), "HS-" + i + " is new");
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertFalse(keys.add("HS-" + i), "HS-" + i + " was seen");
        }
        assertEquals(200_000, keys.size());
    }

    @Test
    void add_vietnameseKeysDifferingOnlyByTone_areDifferentKeys() {
        KeyFingerprints keys = new KeyFingerprints();
        assertTrue(keys.add("Hồ sơ 1"));
        assertTrue(keys.add("Hộ sơ 1"));
        assertTrue(keys.add(""));
        assertFalse(keys.add("Hồ sơ 1"));
    }
}
