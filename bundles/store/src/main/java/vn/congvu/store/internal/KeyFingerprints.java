package vn.congvu.store.internal;

/**
 * A set of record keys by fingerprint, in primitive arrays: 96 bits a key (a 64-bit and an independent 32-bit
 * hash), about 16 bytes a key where a set of the keys themselves costs about a hundred, so that ten million keys
 * fit a small heap. Two different keys are taken for one only if both hashes agree: a chance of about n² / 2⁹⁷,
 * for ten million keys less than one in a billion billion.
 */
final class KeyFingerprints {

    /** Linear probing stays short up to three quarters full; ten million keys fit 2²⁴ slots (200 MB). */
    private static final double MAX_LOAD = 0.75;

    private long[] slots = new long[1 << 12];
    private int[] checks = new int[1 << 12];
    private int size;

    /**
     * @param key a record's key
     * @return true if it was not in the set (it is now)
     */
    boolean add(String key) {
        if (size + 1 > slots.length * MAX_LOAD) {
            grow();
        }
        return insert(slots, checks, fingerprint(key), check(key));
    }

    /** @return how many keys were added */
    int size() {
        return size;
    }

    private boolean insert(long[] table, int[] checkTable, long fingerprint, int check) {
        int mask = table.length - 1;
        for (int slot = (int) fingerprint & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == 0) {
                table[slot] = fingerprint;
                checkTable[slot] = check;
                size++;
                return true;
            }
            if (table[slot] == fingerprint && checkTable[slot] == check) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        int[] oldChecks = checks;
        slots = new long[old.length * 2];
        checks = new int[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i++) {
            if (old[i] != 0) {
                insert(slots, checks, old[i], oldChecks[i]);
            }
        }
    }

    /** FNV-1a over the key's characters, then MurmurHash3's finaliser to spread it; never 0 (an empty slot). */
    static long fingerprint(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }

    /** A second hash, independent of the first (another seed, multiplier and mixing). */
    static int check(String key) {
        int hash = 0x9747b28c;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x5bd1e995;
            hash ^= hash >>> 15;
        }
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        return hash ^ (hash >>> 16);
    }
}
