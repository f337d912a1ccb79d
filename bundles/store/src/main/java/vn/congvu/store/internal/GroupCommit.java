package vn.congvu.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.store.StoreBusyException;
import vn.congvu.store.StoreException;

/**
 * Runs many callers' writes in one transaction, so that a durable database flushes to disk once per
 * batch rather than once per write. One writer thread takes whatever is queued (up to a batch size),
 * runs it in one transaction and commits; each caller waits for its own result. If the batch fails, each
 * write is run again alone, so that one bad write fails alone. Writes must therefore be safe to run again
 * (check, then change, inside the transaction).
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long RETRY_AFTER_MILLIS = 1_000;

    private record Pending<T>(String doing, Database.Work<T> work, CompletableFuture<T> result) {
    }

    private final Database database;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param database the database
     * @param name     a name for the writer thread
     * @param maxBatch the most writes in one transaction
     * @param capacity the most writes waiting; past it, writes are refused as busy
     */
    GroupCommit(Database database, String name, int maxBatch, int capacity) {
        this.database = database;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::write, "congvu-group-commit-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues a write and waits for it to be committed.
     *
     * @param doing what the write does, for errors
     * @param work  the write; safe to run again
     * @return what it returned
     * @throws StoreBusyException if too many writes are waiting
     * @throws StoreException     if the database fails
     */
    <T> T submit(String doing, Database.Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending<>(doing, work, result))) {
            throw new StoreBusyException(doing, RETRY_AFTER_MILLIS);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException(doing, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(doing + " (interrupted while waiting for the commit)", e);
        }
    }

    /** Commits what is queued, then stops the writer (never interrupting it inside the database). */
    @Override
    public void close() {
        running = false;
        queue.offer(new Pending<>("stop", connection -> null, new CompletableFuture<>()));
        try {
            writer.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            runBatch(batch);
            batch.clear();
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            database.inTransaction("committing " + batch.size() + " writes together", connection -> {
                // a transaction run again after a conflict starts its results again too
                results.clear();
                for (Pending<?> pending : batch) {
                    results.add(pending.work().run(connection));
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (lostTheDatabase(e)) {
                // the database does not answer: every write would wait for it again, alone; they all fail now
                batch.forEach(pending -> pending.result().completeExceptionally(e));
                return;
            }
            LOG.debug("A batch of {} writes failed; running each alone", batch.size(), e);
            batch.forEach(this::runAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    private <T> void runAlone(Pending<T> pending) {
        try {
            pending.result().complete(database.inTransaction(pending.doing(), pending.work()));
        } catch (RuntimeException e) {
            pending.result().completeExceptionally(e);
        }
    }

    /** @return whether the failure is the connection's (SQLState class 08, or no connection within the time) */
    private static boolean lostTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        pending.result().complete((T) result);
    }
}
