package vn.congvu.store.internal;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of a store that run on each engine ({@link StoreEngine}): a new, empty database per test, the store
 * closed after it.
 *
 * @param <S> the store
 */
abstract class OnEachEngine<S> {

    @TempDir
    Path folder;
    /** The test's database. */
    StoreEngine.Place place;
    /** The store over it. */
    S store;

    private final Function<StoreEngine.Place, S> opening;
    private final Consumer<S> closing;

    OnEachEngine(Function<StoreEngine.Place, S> opening, Consumer<S> closing) {
        this.opening = opening;
        this.closing = closing;
    }

    /** Opens a new, empty database on the engine, and the store over it. */
    void open(StoreEngine engine) {
        place = engine.place(folder);
        store = opening.apply(place);
    }

    /** Closes the store and opens it again over the same database, as a node that restarts does. */
    void reopen() {
        closing.accept(store);
        store = opening.apply(place);
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            closing.accept(store);
        }
    }
}
