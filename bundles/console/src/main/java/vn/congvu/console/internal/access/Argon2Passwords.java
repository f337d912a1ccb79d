package vn.congvu.console.internal.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Hashes and checks console passwords with Argon2id (BouncyCastle), stored as PHC strings. New hashes use at least
 * OWASP's minimum (m = 19 MiB, t = 2, p = 1); checks read the parameters from the stored string. At most
 * {@value #AT_ONCE} hashes are computed at a time, so a burst of sign-ins cannot take the node's memory (each one
 * needs m KiB).
 */
@Component(service = Argon2Passwords.class)
public class Argon2Passwords {

    /** OWASP Password Storage Cheat Sheet's minimum for Argon2id. */
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int AT_ONCE = 2;
    /**
     * How long a hash waits for a slot. Short: the waiting request holds one of the HTTP server's threads, which also
     * answer /health; a busy server says so at once (the sign-in page answers 503 with Retry-After) rather than queueing.
     */
    private static final long WAIT_MILLIS = 1000;

    private final SecureRandom random = new SecureRandom();
    private final Semaphore slots = new Semaphore(AT_ONCE, true);
    private final int memoryKib;
    private final int iterations;
    /** The hash an unknown name is checked against, so that it takes as long as a known one. */
    private final String dummy;

    /** With OWASP's minimum parameters. */
    public Argon2Passwords() {
        this(MEMORY_KIB, ITERATIONS);
    }

    Argon2Passwords(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        byte[] noPassword = new byte[24];
        random.nextBytes(noPassword);
        this.dummy = hash(java.util.Base64.getEncoder().encodeToString(noPassword));
    }

    /**
     * @param password a password that {@link AccountRules#password} accepted
     * @return its salted hash as a PHC string
     * @throws PasswordsBusy if too many hashes are being computed for too long
     */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, memoryKib, iterations, PARALLELISM, salt, HASH_BYTES);
        return new PhcString(memoryKib, iterations, PARALLELISM, salt, hash).text();
    }

    /**
     * Checks a password against a stored hash, in time that does not depend on where they differ.
     *
     * @param password the password given
     * @param stored   the stored PHC string
     * @return whether they match
     * @throws IllegalArgumentException if the stored string is not an Argon2id PHC string within bounds
     * @throws PasswordsBusy            if too many hashes are being computed for too long
     */
    public boolean verify(String password, String stored) {
        PhcString phc = PhcString.parse(stored);
        byte[] expected = phc.hash();
        byte[] actual = derive(password, phc.memoryKib(), phc.iterations(), phc.parallelism(), phc.salt(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time a check of a known account takes, for a name that has none; always false. */
    public boolean verifyNobody(String password) {
        verify(password, dummy);
        return false;
    }

    private byte[] derive(String password, int memory, int passes, int lanes, byte[] salt, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory)
                .withIterations(passes).withParallelism(lanes).withSalt(salt).build();
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            if (!slots.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new PasswordsBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordsBusy();
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(secret, out);
            return out;
        } finally {
            slots.release();
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** More password hashes were asked for at once than the node computes; the caller answers "busy, try again". */
    public static final class PasswordsBusy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PasswordsBusy() {
            super("Máy chủ đang bận kiểm tra mật khẩu khác, hãy thử lại sau vài giây / the node is computing "
                    + AT_ONCE + " password hashes already; try again in a few seconds");
        }
    }
}
