package vn.congvu.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.engine.Progress;
import vn.congvu.engine.RunningWork;

/** The node's long work in progress; stopping the engine cancels all of it, so a node stops with nothing half-done. */
@Component(service = RunningWork.class)
public class WorkRegistry implements RunningWork {

    private static final Logger LOG = LoggerFactory.getLogger(WorkRegistry.class);
    /** The log gets a progress line of each work this often. */
    static final long LOG_EVERY_NANOS = 30_000_000_000L;

    private final Map<Integer, Work> running = new ConcurrentSkipListMap<>();
    private final AtomicInteger numbers = new AtomicInteger();

    @Override
    public Tracked begin(String task, String owner) {
        Work work = new Work(numbers.incrementAndGet(), task, owner);
        running.put(work.number, work);
        return work;
    }

    @Override
    public List<Tracked> running() {
        return List.copyOf(running.values());
    }

    @Override
    public boolean cancel(int number) {
        Work work = running.get(number);
        if (work != null) {
            work.cancel();
        }
        return work != null;
    }

    @Override
    public int cancelOwnedBy(String owner) {
        int cancelled = 0;
        for (Work work : running.values()) {
            if (work.owner.equals(owner)) {
                work.cancel();
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Cancels every work in progress: the node is stopping. */
    @Deactivate
    void cancelAll() {
        running.values().forEach(Work::cancel);
    }

    private final class Work implements Tracked {
        private final int number;
        private final String task;
        private final String owner;
        private volatile boolean cancelled;
        private volatile Progress latest;
        private long lastLogged = System.nanoTime();

        Work(int number, String task, String owner) {
            this.number = number;
            this.task = task;
            this.owner = owner;
        }

        @Override
        public synchronized void progress(Progress progress) {
            latest = progress;
            long now = System.nanoTime();
            if (now - lastLogged >= LOG_EVERY_NANOS) {
                lastLogged = now;
                LOG.info("[{}] {}", number, progress.line());
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                LOG.info("[{}] {}: cancelled", number, task);
            }
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public String task() {
            return task;
        }

        @Override
        public String owner() {
            return owner;
        }

        @Override
        public Optional<Progress> latest() {
            return Optional.ofNullable(latest);
        }

        @Override
        public void close() {
            running.remove(number, this);
        }
    }
}
