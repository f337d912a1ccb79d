package vn.congvu.console.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.congvu.store.ConsoleAccount;
import vn.congvu.store.ConsoleAccount.Role;

class SessionsTest {

    private static final ConsoleAccount AN = new ConsoleAccount("an", "Nguyễn Văn An", Role.ADMIN, "$argon2id$x",
            Instant.parse("2025-01-01T00:00:00Z"), null);
    private static final ConsoleAccount BINH = new ConsoleAccount("binh", "Bình", Role.ANALYST, "$argon2id$x",
            Instant.parse("2025-01-01T00:00:00Z"), null);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-01T01:00:00Z"));
    /** The accounts' password hashes as the store holds them; another node may change them. */
    private final Map<String, String> stored = new HashMap<>(Map.of("an", AN.passwordHash(), "binh", BINH.passwordHash()));
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), 10, clock,
            name -> Optional.ofNullable(stored.get(name)));

    @Test
    void find_accountRemovedOrItsPasswordResetOnAnotherNode_endsTheSessionWithinSeconds() {
        String an = sessions.start(AN).token();
        String binh = sessions.start(BINH).token();

        stored.remove("an");
        stored.put("binh", "$argon2id$reset");
        assertTrue(sessions.find(an).isPresent(), "taken on trust for a few seconds");
        clock.advance(Duration.ofSeconds(6));

        assertEquals(Optional.empty(), sessions.find(an), "the account is gone");
        assertEquals(Optional.empty(), sessions.find(binh), "its password was reset");
        assertEquals(Optional.empty(), sessions.find(an), "and the session stays ended");
    }

    @Test
    void start_givesA256BitTokenAndCsrf_andFindReturnsTheSession() {
        Sessions.Started started = sessions.start(AN);

        assertEquals(43, started.token().length(), "32 bytes in unpadded base64url");
        assertEquals(43, started.session().csrf().length());
        assertNotEquals(started.token(), started.session().csrf());
        assertEquals(Optional.of(started.session()), sessions.find(started.token()));
        assertEquals("an", started.session().name());
        assertEquals(Role.ADMIN, started.session().role());
        assertTrue(!started.toString().contains(started.token()), "the token is never printed");
    }

    @Test
    void find_unknownOrMalformedToken_isEmpty() {
        sessions.start(AN);

        assertEquals(Optional.empty(), sessions.find(null));
        assertEquals(Optional.empty(), sessions.find("x".repeat(43)));
        assertEquals(Optional.empty(), sessions.find("short"));
    }

    @Test
    void find_afterIdleTime_isEmpty_butEachUseRestartsTheIdleTime() {
        String token = sessions.start(AN).token();

        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(token).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(token).isPresent(), "used 29 minutes ago");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), sessions.find(token), "idle for 30 minutes");
    }

    @Test
    void find_afterTheLifetime_isEmpty_howeverBusy() {
        String token = sessions.start(AN).token();

        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertTrue(sessions.find(token).isPresent(), "after " + (i + 1) * 15 + " minutes");
        }
        clock.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), sessions.find(token), "12 hours after sign-in");
    }

    @Test
    void start_beyondTheMaximum_endsTheLeastRecentlyUsed() {
        String first = sessions.start(AN).token();
        String second = sessions.start(AN).token();
        for (int i = 0; i < 8; i++) {
            sessions.start(BINH);
        }
        sessions.find(first); // used: the second is now the least recently used

        sessions.start(BINH);

        assertEquals(10, sessions.size());
        assertTrue(sessions.find(first).isPresent());
        assertEquals(Optional.empty(), sessions.find(second));
    }

    @Test
    void expiredSessions_areSweptWithoutBeingAskedFor() {
        sessions.start(AN);
        sessions.start(BINH);
        clock.advance(Duration.ofMinutes(31));

        String live = sessions.start(AN).token();

        assertEquals(1, sessions.size());
        assertTrue(sessions.find(live).isPresent());
    }

    @Test
    void end_and_endAllOf_endOnlyThoseSessions() {
        String an1 = sessions.start(AN).token();
        String an2 = sessions.start(AN).token();
        String binh = sessions.start(BINH).token();

        sessions.end(an1);
        assertEquals(Optional.empty(), sessions.find(an1));
        assertTrue(sessions.find(an2).isPresent());

        assertEquals(1, sessions.endAllOf("an"));
        assertEquals(Optional.empty(), sessions.find(an2));
        assertTrue(sessions.find(binh).isPresent());
    }
}
