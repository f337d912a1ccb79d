package vn.congvu.console.internal.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import vn.congvu.store.AccountStore;
import vn.congvu.store.ConsoleAccount;

/**
 * The console's signed-in sessions, kept in memory (a restart signs everyone out): a random 256-bit token per
 * session, of which only a SHA-256 digest is kept as the key. A session ends after an idle time, after an absolute
 * lifetime, at sign-out, or when its account is removed or its password reset (here at once; on another ministry node
 * sharing the database, within {@link #RECHECK} of the change, when the session is next used). Bounded: beyond the maximum the least
 * recently used session ends. Expired sessions are swept at most once a minute, during requests (no thread of its own).
 */
@Designate(ocd = ConsoleConfig.class)
@Component(service = Sessions.class, configurationPid = ConsoleConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class Sessions {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** A session just started and its token, which goes into the cookie and nowhere else. */
    record Started(String token, Session session) {
        @Override
        public String toString() {
            return "Started[" + session + "]"; // never the token
        }
    }

    /**
     * @param credential the digest of the account's password hash when it signed in
     * @param checkedAt  when the account was last found unchanged in the store
     */
    private record Entry(Session session, Instant lastUsed, String credential, Instant checkedAt) {

        Entry used(Instant now) {
            return new Entry(session, now, credential, checkedAt);
        }
    }

    /**
     * How long a session is taken on trust before its account is read again: another ministry node on the same
     * database may have removed it or reset its password (this node's own changes end its sessions at once).
     */
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final Duration idle;
    private final Duration lifetime;
    private final int max;
    private final Clock clock;
    /** An account's password hash as the store holds it now, or empty if the account is gone. */
    private final Function<String, Optional<String>> currentHash;
    private final SecureRandom random = new SecureRandom();
    /** By token digest, least recently used first. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private Instant nextSweep;

    /**
     * @param config the console's settings
     * @throws IllegalArgumentException naming the setting, if one is out of range
     */
    @Activate
    public Sessions(ConsoleConfig config, @Reference AccountStore accounts) {
        this(Duration.ofMinutes(Settings.within("session.idle.minutes", config.session_idle_minutes(), 1, 1440)),
                Duration.ofHours(Settings.within("session.lifetime.hours", config.session_lifetime_hours(), 1, 168)),
                Settings.within("session.max", config.session_max(), 10, 100_000), Clock.systemUTC(),
                name -> accounts.find(name).map(ConsoleAccount::passwordHash));
    }

    Sessions(Duration idle, Duration lifetime, int max, Clock clock, Function<String, Optional<String>> currentHash) {
        this.idle = idle;
        this.lifetime = lifetime;
        this.max = max;
        this.clock = clock;
        this.currentHash = currentHash;
        this.nextSweep = clock.instant().plus(SWEEP_EVERY);
    }

    /**
     * Starts a session for an account that just proved its password.
     *
     * @param account the account
     * @return the session and its new token
     */
    public Started start(ConsoleAccount account) {
        String token = randomToken();
        Session session = new Session(account.name(), account.displayName(), account.role(), randomToken(), clock.instant());
        synchronized (entries) {
            sweepIfDue();
            entries.put(digest(token), new Entry(session, session.startedAt(), digest(account.passwordHash()),
                    session.startedAt()));
            Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
            while (entries.size() > max && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        return new Started(token, session);
    }

    /**
     * @param token a token from a cookie, or null
     * @return its session, if it is live (which counts as a use: the idle time starts again)
     */
    public Optional<Session> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        String key = digest(token);
        Instant now = clock.instant();
        Entry entry;
        synchronized (entries) {
            sweepIfDue();
            entry = entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (expired(entry, now)) {
                entries.remove(key);
                return Optional.empty();
            }
            if (now.isBefore(entry.checkedAt().plus(RECHECK))) {
                entries.put(key, entry.used(now));
                return Optional.of(entry.session());
            }
        }
        // read outside the lock: the store may be slow, and other sessions need not wait for it
        boolean unchanged = currentHash.apply(entry.session().name()).map(hash -> digest(hash).equals(entry.credential()))
                .orElse(false);
        synchronized (entries) {
            if (!unchanged) {
                entries.remove(key);
                return Optional.empty();
            }
            entries.put(key, new Entry(entry.session(), now, entry.credential(), now));
            return Optional.of(entry.session());
        }
    }

    /** Ends a session (sign-out, or a new sign-in from the same browser); nothing if the token is not live. */
    public void end(String token) {
        if (token != null) {
            synchronized (entries) {
                entries.remove(digest(token));
            }
        }
    }

    /**
     * Ends every session of an account (removed, or its password reset).
     *
     * @return how many ended
     */
    public int endAllOf(String name) {
        synchronized (entries) {
            int before = entries.size();
            entries.values().removeIf(entry -> entry.session().name().equals(name));
            return before - entries.size();
        }
    }

    /** @return the sessions kept now, live or not yet swept */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        entries.values().removeIf(entry -> expired(entry, now));
        nextSweep = now.plus(SWEEP_EVERY);
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.lastUsed().plus(idle)) || !now.isBefore(entry.session().startedAt().plus(lifetime));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String digest(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
