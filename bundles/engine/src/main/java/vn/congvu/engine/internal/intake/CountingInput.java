package vn.congvu.engine.internal.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A file's bytes as they are read, counted for progress. */
public final class CountingInput extends FilterInputStream {

    private volatile long count;

    /** @param in the file's bytes */
    public CountingInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count += b >= 0 ? 1 : 0;
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = super.read(bytes, offset, length);
        count += Math.max(read, 0);
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    /** @return bytes read so far */
    public long count() {
        return count;
    }
}
