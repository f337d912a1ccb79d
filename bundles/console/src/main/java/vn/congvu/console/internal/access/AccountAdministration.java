package vn.congvu.console.internal.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.store.AccountStore;
import vn.congvu.store.ConsoleAccount;

/**
 * Creating, resetting and removing console accounts, for the accounts page and the {@code congvu:account} commands
 * alike: input validated, passwords generated strong and shown once, hashed before they are stored, and the sessions
 * of a removed or reset account ended. Present on the ministry only (it needs the account store), with or without the
 * console's settings.
 */
@Component(service = AccountAdministration.class)
public class AccountAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAdministration.class);

    /** A new account and its generated password, which is shown once and kept nowhere. */
    public record Created(ConsoleAccount account, String password) {
        @Override
        public String toString() {
            return "Created[" + account.name() + "]";
        }
    }

    private final AccountStore store;
    private final Argon2Passwords passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<String> signOut;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Sessions sessions;

    /**
     * @param store     where accounts are kept
     * @param passwords the password hash
     */
    @Activate
    public AccountAdministration(@Reference AccountStore store, @Reference Argon2Passwords passwords) {
        this.store = store;
        this.passwords = passwords;
        this.clock = Clock.systemUTC();
        this.signOut = name -> {
            Sessions live = sessions;
            if (live != null) {
                live.endAllOf(name);
            }
        };
    }

    AccountAdministration(AccountStore store, Argon2Passwords passwords, Clock clock, Consumer<String> signOut) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
        this.signOut = signOut;
    }

    /** @return every account, by name */
    public List<ConsoleAccount> accounts() {
        return store.accounts();
    }

    /**
     * @return the new account and its password
     * @throws IllegalArgumentException in Vietnamese and English, for a bad name, role or display name, or a taken name
     */
    public Created create(String rawName, String rawRole, String rawDisplayName) {
        String name = AccountRules.name(rawName);
        ConsoleAccount.Role role = AccountRules.role(rawRole);
        String displayName = AccountRules.displayName(rawDisplayName, name);
        String password = AccountRules.generatedPassword(random);
        ConsoleAccount account = new ConsoleAccount(name, displayName, role, passwords.hash(password), clock.instant(), null);
        if (!store.create(account)) {
            throw new IllegalArgumentException("Đã có tài khoản / an account exists with the name " + name);
        }
        LOG.info("Console account {} created ({})", name, role);
        return new Created(account, password);
    }

    /**
     * Gives an account a new generated password and signs it out everywhere.
     *
     * @return the new password
     * @throws IllegalArgumentException if there is no such account
     */
    public String reset(String rawName) {
        String name = AccountRules.name(rawName);
        String password = AccountRules.generatedPassword(random);
        if (!store.changePasswordHash(name, passwords.hash(password))) {
            throw noSuch(name);
        }
        signOut.accept(name);
        LOG.info("Console account {}: password reset", name);
        return password;
    }

    /**
     * Removes an account and signs it out everywhere.
     *
     * @param byWhom the account asking (one may not remove oneself), or null from the node's shell
     * @throws IllegalArgumentException if there is no such account, or it is the one asking
     */
    public void remove(String rawName, String byWhom) {
        String name = AccountRules.name(rawName);
        if (name.equals(byWhom)) {
            throw new IllegalArgumentException("Không thể tự xóa tài khoản của mình / you cannot remove your own account");
        }
        if (!store.remove(name)) {
            throw noSuch(name);
        }
        signOut.accept(name);
        LOG.info("Console account {} removed{}", name, byWhom == null ? "" : " by " + byWhom);
    }

    private static IllegalArgumentException noSuch(String name) {
        return new IllegalArgumentException("Không có tài khoản / no account named " + name);
    }
}
