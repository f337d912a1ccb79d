package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.congvu.store.ConsoleAccount;
import vn.congvu.store.ConsoleAccount.Role;

/** The console's accounts in a real ministry database (Derby in a temporary folder, and PostgreSQL). */
class ConsoleAccountsTest extends OnEachEngine<JdbcMinistryStore> {

    private static final Instant CREATED = Instant.parse("2025-07-01T02:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";

    ConsoleAccountsTest() {
        super(StoreEngine.Place::ministry, JdbcMinistryStore::close);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void create_thenFind_returnsTheAccountNeverSignedIn(StoreEngine engine) {
        open(engine);
        ConsoleAccount an = new ConsoleAccount("nguyen.an", "Nguyễn Văn An", Role.ADMIN, HASH, CREATED, null);

        assertTrue(store.create(an));

        assertEquals(Optional.of(an), store.find("nguyen.an"));
        assertEquals(Optional.empty(), store.find("nguyen.binh"));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void create_sameNameTwice_refusesAndKeepsTheFirst(StoreEngine engine) {
        open(engine);
        ConsoleAccount first = new ConsoleAccount("an", "An", Role.ANALYST, HASH, CREATED, null);
        store.create(first);

        assertFalse(store.create(new ConsoleAccount("an", "Kẻ khác", Role.ADMIN, HASH + "x", CREATED, null)));

        assertEquals(List.of(first), store.accounts());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void changePasswordHash_recordSignIn_remove_changeOnlyThatAccount(StoreEngine engine) {
        open(engine);
        store.create(new ConsoleAccount("an", "An", Role.ANALYST, HASH, CREATED, null));
        store.create(new ConsoleAccount("binh", "Bình", Role.ADMIN, HASH, CREATED, null));
        Instant signedIn = Instant.parse("2025-07-02T03:04:05Z");

        assertTrue(store.changePasswordHash("an", "$argon2id$new"));
        assertTrue(store.recordSignIn("an", signedIn));
        assertFalse(store.changePasswordHash("chi", "$argon2id$new"), "no such account");
        assertFalse(store.recordSignIn("chi", signedIn), "no such account");

        assertEquals(List.of(new ConsoleAccount("an", "An", Role.ANALYST, "$argon2id$new", CREATED, signedIn),
                new ConsoleAccount("binh", "Bình", Role.ADMIN, HASH, CREATED, null)), store.accounts());

        assertTrue(store.remove("binh"));
        assertFalse(store.remove("binh"), "already removed");
        assertEquals(List.of("an"), store.accounts().stream().map(ConsoleAccount::name).toList());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void accounts_surviveReopeningTheDatabase(StoreEngine engine) {
        open(engine);
        store.create(new ConsoleAccount("an", "An", Role.ADMIN, HASH, CREATED, null));
        reopen();

        assertEquals(Role.ADMIN, store.find("an").orElseThrow().role());
    }
}
