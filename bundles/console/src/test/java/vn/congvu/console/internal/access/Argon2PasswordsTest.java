package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2PasswordsTest {

    /** Cheap parameters for the tests that are not about the parameters. */
    private final Argon2Passwords cheap = new Argon2Passwords(1024, 1);

    @Test
    void hash_withDefaults_isAnArgon2idPhcStringAtOwaspMinimum() {
        String hash = new Argon2Passwords().hash("mật khẩu đủ dài 2025");

        PhcString phc = PhcString.parse(hash);
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(phc.memoryKib() >= 19_456 && phc.iterations() >= 2 && phc.parallelism() >= 1, phc.toString());
        assertEquals(16, phc.salt().length);
        assertEquals(32, phc.hash().length);
    }

    @Test
    void verify_samePassword_matches_otherPassword_doesNot() {
        String hash = cheap.hash("mật khẩu đủ dài 2025");

        assertTrue(cheap.verify("mật khẩu đủ dài 2025", hash));
        assertFalse(cheap.verify("mật khẩu đủ dài 2026", hash));
        assertFalse(cheap.verify("", hash));
    }

    @Test
    void hash_samePasswordTwice_differsBySalt() {
        assertNotEquals(cheap.hash("mật khẩu đủ dài 2025"), cheap.hash("mật khẩu đủ dài 2025"));
    }

    @Test
    void verify_readsTheParametersFromTheStoredString() {
        // made with other (older) parameters than the checker's own: still verifies
        String older = new Argon2Passwords(2048, 3).hash("mật khẩu đủ dài 2025");

        assertTrue(older.contains("$m=2048,t=3,p=1$"), older);
        assertTrue(new Argon2Passwords().verify("mật khẩu đủ dài 2025", older));
    }

    @Test
    void verify_knownVector_fromTheReferenceImplementation() {
        // made by the reference C implementation (libargon2 1, argon2id_hash_encoded), not by BouncyCastle
        String reference = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
        String vietnamese = "$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$7ai+MP/QzHWjAsGhXCEtgUFcVnZacZ4mrled5muwvnA";

        assertTrue(cheap.verify("password", reference));
        assertFalse(cheap.verify("Password", reference));
        assertTrue(cheap.verify("mật khẩu đủ dài 2025", vietnamese), "UTF-8 of the NFC text");
    }

    @Test
    void verify_hostileOrBrokenStoredStrings_areRefusedBeforeAnyWork() {
        String[] broken = {"", "plain", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=1024,t=999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$AAAA"};
        for (String stored : broken) {
            assertThrows(IllegalArgumentException.class, () -> cheap.verify("password", stored), stored);
        }
    }

    @Test
    void verifyNobody_isAlwaysFalse() {
        assertFalse(cheap.verifyNobody("mật khẩu đủ dài 2025"));
    }
}
