package vn.congvu.store;

/** What the ministry's store did with a report. */
public sealed interface StoreOutcome {

    /**
     * The report was new and is now stored.
     *
     * @param receipt its receipt
     */
    record Stored(Receipt receipt) implements StoreOutcome {
    }

    /**
     * The same revision with the same content was stored before; nothing changed.
     *
     * @param firstReceipt the receipt issued the first time
     */
    record Duplicate(Receipt firstReceipt) implements StoreOutcome {
    }

    /**
     * The same revision was stored before with other content; nothing changed.
     *
     * @param storedContentHash the content hash of what is stored
     */
    record Conflict(String storedContentHash) implements StoreOutcome {
    }
}
