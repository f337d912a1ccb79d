package vn.congvu.engine.internal.intake;

import java.time.Duration;
import java.util.function.LongSupplier;
import vn.congvu.engine.Progress;
import vn.congvu.engine.WorkWatcher;

/**
 * Tells the watcher of long work how it goes, about once a second, and asks it whether to stop whenever asked:
 * cheap enough to be called for every record.
 */
public final class Ticker {

    /** Records between two looks at the clock. */
    private static final int LOOK_EVERY = 1_024;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final WorkWatcher watcher;
    private final String task;
    private final LongSupplier bytes;
    private final long total;
    private final long started = System.nanoTime();
    private long lastProgress = started;
    private long records;
    private boolean cancelled;

    /**
     * @param watcher the work's watcher
     * @param task    what the work is
     * @param bytes   bytes read so far, or always 0
     * @param total   the work's size: bytes when {@code bytes} counts, records otherwise; 0 when unknown
     */
    public Ticker(WorkWatcher watcher, String task, LongSupplier bytes, long total) {
        this.watcher = watcher;
        this.task = task;
        this.bytes = bytes;
        this.total = total;
    }

    /** One more record done. */
    public void tick() {
        records++;
        if (records % LOOK_EVERY == 0) {
            look();
        }
    }

    private void look() {
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            watcher.progress(progress());
        }
    }

    /** @return how far the work is now */
    public Progress progress() {
        return new Progress(task, records, bytes.getAsLong(), total, Duration.ofNanos(System.nanoTime() - started));
    }

    /** @return whether the watcher asked to stop (asked each time: a watcher's answer is a volatile read) */
    public boolean cancelled() {
        cancelled = cancelled || watcher.cancelled();
        return cancelled;
    }

    /** @return records done */
    public long records() {
        return records;
    }
}
