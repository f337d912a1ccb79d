package vn.congvu.console.internal.access;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, salt and hash in
 * unpadded base64), which names its own parameters so that they can be raised later without breaking the hashes
 * already stored. Parsing is bounded: a stored string cannot ask for unbounded memory or time.
 *
 * @param memoryKib   memory cost in KiB
 * @param iterations  time cost (passes)
 * @param parallelism lanes
 * @param salt        the random salt
 * @param hash        the derived hash
 */
record PhcString(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    /** The largest costs and sizes a stored hash may ask for: well above today's settings, far below harm. */
    static final int MAX_MEMORY_KIB = 262_144;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 8;
    private static final int MAX_LENGTH = 400;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");

    PhcString {
        if (iterations < 1 || iterations > MAX_ITERATIONS || parallelism < 1 || parallelism > MAX_PARALLELISM
                || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("argon2id parameters out of bounds: m=" + memoryKib + " KiB (at most "
                    + MAX_MEMORY_KIB + "), t=" + iterations + " (1.." + MAX_ITERATIONS + "), p=" + parallelism + " (1.."
                    + MAX_PARALLELISM + ")");
        }
        if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("argon2id salt of " + salt.length + " bytes (8..64) or hash of "
                    + hash.length + " bytes (16..64)");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /**
     * @param text a stored hash
     * @return its parts
     * @throws IllegalArgumentException if it is not an Argon2id (version 19) PHC string within the bounds
     */
    static PhcString parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not an argon2id PHC string (missing or over " + MAX_LENGTH + " characters)");
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an argon2id PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash)");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new PhcString(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), base64.decode(matcher.group(4)), base64.decode(matcher.group(5)));
    }

    /** @return the PHC string */
    String text() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public String toString() {
        return "argon2id m=" + memoryKib + " t=" + iterations + " p=" + parallelism; // never the salt or hash
    }
}
