package vn.congvu.console.internal.access;

import java.time.Instant;
import vn.congvu.store.ConsoleAccount.Role;

/**
 * A signed-in session, as the server keeps it (the browser holds only its random token).
 *
 * @param name        the account
 * @param displayName its display name
 * @param role        its role when it signed in
 * @param csrf        the token every state-changing request of this session must carry
 * @param startedAt   when it signed in
 */
record Session(String name, String displayName, Role role, String csrf, Instant startedAt) {
}
