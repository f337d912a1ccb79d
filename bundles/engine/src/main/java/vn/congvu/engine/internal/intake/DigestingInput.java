package vn.congvu.engine.internal.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file's bytes as they are read: counted (for progress) and hashed (an import is known by its bytes' SHA-256). */
public final class DigestingInput extends FilterInputStream {

    private final MessageDigest digest;
    private volatile long count;

    /** @param in the file's bytes */
    public DigestingInput(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = super.read(bytes, offset, length);
        if (read > 0) {
            digest.update(bytes, offset, read);
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must still be hashed
        return transferSome(n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * @param file a file
     * @return the SHA-256 of its bytes, in hexadecimal
     * @throws IOException if it cannot be read
     */
    public static String sha256(java.nio.file.Path file) throws IOException {
        try (DigestingInput in = new DigestingInput(java.nio.file.Files.newInputStream(file))) {
            return in.finish();
        }
    }

    /** @return bytes read so far */
    public long count() {
        return count;
    }

    /**
     * Reads what the reader left unread (it still counts), then gives the hash.
     *
     * @return the SHA-256 of every byte, in hexadecimal
     * @throws IOException if the rest cannot be read
     */
    public String finish() throws IOException {
        transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    private long transferSome(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long done = 0;
        while (done < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - done));
            if (read < 0) {
                break;
            }
            done += read;
        }
        return done;
    }
}
