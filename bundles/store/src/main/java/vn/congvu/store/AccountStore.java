package vn.congvu.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ministry web console's accounts, kept in the ministry's database. Stores what it is given: callers
 * validate names and hash passwords before they get here.
 */
@ProviderType
public interface AccountStore {

    /**
     * @param name a sign-in name
     * @return the account of that name, if there is one
     */
    Optional<ConsoleAccount> find(String name);

    /** @return every account, by name */
    List<ConsoleAccount> accounts();

    /**
     * Creates an account, unless one of its name exists.
     *
     * @param account the new account (its last sign-in is ignored: a new account has none)
     * @return whether it was created; false if an account of that name exists (which is left as it was)
     */
    boolean create(ConsoleAccount account);

    /**
     * Replaces an account's password hash.
     *
     * @param name         the account
     * @param passwordHash the new password's hash
     * @return whether the account exists (and was changed)
     */
    boolean changePasswordHash(String name, String passwordHash);

    /**
     * Removes an account.
     *
     * @param name the account
     * @return whether it existed
     */
    boolean remove(String name);

    /**
     * Records a successful sign-in.
     *
     * @param name the account
     * @param at   when it signed in
     * @return whether the account exists
     */
    boolean recordSignIn(String name, Instant at);
}
