package vn.congvu.engine;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's long work (imports, evaluations) in progress, so that an operator can see it and cancel it:
 * from the shell that started it (Ctrl-C), with {@code congvu:cancel}, or by stopping the node.
 */
@ProviderType
public interface RunningWork {

    /**
     * Begins tracking work. Give the returned watcher to the work, and close it when the work ends.
     *
     * @param task  what the work is, such as {@code importing dossier-2022.csv}
     * @param owner who started it: a control connection's name, {@code inbox}, ...; {@link #cancelOwnedBy}
     *              cancels by it
     * @return the work's watcher; its {@link Tracked#latest()} progress is what a shell shows
     */
    Tracked begin(String task, String owner);

    /** @return the work in progress, oldest first */
    List<Tracked> running();

    /**
     * @param number the work's number, as {@link #running()} gives it
     * @return whether work of that number was running (it is now cancelled)
     */
    boolean cancel(int number);

    /**
     * @param owner who started the work
     * @return how many were cancelled
     */
    int cancelOwnedBy(String owner);

    /** Work being tracked: a watcher that can be cancelled and shows its latest progress. */
    @ProviderType
    interface Tracked extends WorkWatcher, AutoCloseable {
        /** @return the work's number, unique in this node's run */
        int number();

        /** @return what the work is */
        String task();

        /** @return who started it */
        String owner();

        /** @return the latest progress, once there is some */
        Optional<Progress> latest();

        /** Asks the work to stop; it stops as soon as it can, leaving nothing of it behind. */
        void cancel();

        /** Ends the tracking: the work is over. */
        @Override
        void close();
    }
}
