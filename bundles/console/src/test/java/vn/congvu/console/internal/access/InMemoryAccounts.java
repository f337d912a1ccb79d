package vn.congvu.console.internal.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import vn.congvu.store.AccountStore;
import vn.congvu.store.ConsoleAccount;

/** An account store in memory. */
final class InMemoryAccounts implements AccountStore {

    private final TreeMap<String, ConsoleAccount> accounts = new TreeMap<>();

    @Override
    public synchronized Optional<ConsoleAccount> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    @Override
    public synchronized List<ConsoleAccount> accounts() {
        return new ArrayList<>(accounts.values());
    }

    @Override
    public synchronized boolean create(ConsoleAccount account) {
        return accounts.putIfAbsent(account.name(), account) == null;
    }

    @Override
    public synchronized boolean changePasswordHash(String name, String passwordHash) {
        ConsoleAccount old = accounts.get(name);
        if (old == null) {
            return false;
        }
        accounts.put(name, new ConsoleAccount(name, old.displayName(), old.role(), passwordHash, old.createdAt(), old.lastSignIn()));
        return true;
    }

    @Override
    public synchronized boolean remove(String name) {
        return accounts.remove(name) != null;
    }

    @Override
    public synchronized boolean recordSignIn(String name, Instant at) {
        ConsoleAccount old = accounts.get(name);
        if (old == null) {
            return false;
        }
        accounts.put(name, new ConsoleAccount(name, old.displayName(), old.role(), old.passwordHash(), old.createdAt(), at));
        return true;
    }
}
