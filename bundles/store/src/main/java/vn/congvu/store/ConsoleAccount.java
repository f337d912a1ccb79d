package vn.congvu.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who may sign in to the ministry's web console.
 *
 * @param name         the sign-in name, unique, NFC-normalized and validated by the caller (such as {@code nguyen.an})
 * @param displayName  the name shown on pages (such as {@code Nguyễn Văn An})
 * @param role         what the account may do
 * @param passwordHash the password's slow salted hash as a self-describing string (a PHC string such as
 *                     {@code $argon2id$v=19$m=19456,t=2,p=1$...$...}); never the password
 * @param createdAt    when the account was created
 * @param lastSignIn   when the account last signed in successfully; null if never
 */
public record ConsoleAccount(String name, String displayName, Role role, String passwordHash, Instant createdAt,
                             Instant lastSignIn) {

    /** Checks every part but the last sign-in is given. */
    public ConsoleAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return the account without its password hash, which must not reach a log or an error message */
    @Override
    public String toString() {
        return "ConsoleAccount[name=" + name + ", displayName=" + displayName + ", role=" + role + ", createdAt="
                + createdAt + ", lastSignIn=" + lastSignIn + "]";
    }

    /** @return when the account last signed in, if it ever did */
    public Optional<Instant> lastSignInIfAny() {
        return Optional.ofNullable(lastSignIn);
    }

    /** What a console account may do. */
    public enum Role {
        /** Reads every page, table and download; changes nothing. */
        ANALYST,
        /** Also manages the console's accounts. */
        ADMIN
    }
}
