package vn.congvu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleAccountTest {

    @Test
    void toString_leavesOutThePasswordHash() {
        ConsoleAccount account = new ConsoleAccount("nguyen.an", "Nguyễn Văn An", ConsoleAccount.Role.ADMIN,
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", Instant.parse("2025-07-01T01:00:00Z"), null);

        assertEquals("ConsoleAccount[name=nguyen.an, displayName=Nguyễn Văn An, role=ADMIN, "
                + "createdAt=2025-07-01T01:00:00Z, lastSignIn=null]", account.toString());
    }
}
