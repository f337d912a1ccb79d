package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static vn.congvu.store.internal.StoreFixtures.CAO_BANG_2022;
import static vn.congvu.store.internal.StoreFixtures.report;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.store.StoreOutcome;

class DerbyMinistryStoreTest {

    @TempDir
    Path folder;

    @Test
    void storeReport_sameRevisionTwice_returnsFirstReceipt() {
        DerbyMinistryStore store = new DerbyMinistryStore(folder.resolve("db"));
        try {
            StoreOutcome.Stored first = assertInstanceOf(StoreOutcome.Stored.class,
                    store.storeReport(report(48447), Instant.now()));

            StoreOutcome.Duplicate again = assertInstanceOf(StoreOutcome.Duplicate.class,
                    store.storeReport(report(48447), Instant.now()));

            assertEquals(first.receipt(), again.firstReceipt());
            assertEquals(1, store.countRevisions());
        } finally {
            store.close();
        }
    }

    @Test
    void storeReport_sameRevisionOtherContent_isAConflictAndKeepsTheFirst() {
        DerbyMinistryStore store = new DerbyMinistryStore(folder.resolve("db"));
        try {
            store.storeReport(report(48447), Instant.now());

            StoreOutcome outcome = store.storeReport(report(9), Instant.now());

            assertEquals(new StoreOutcome.Conflict(report(48447).contentHash()), outcome);
            assertEquals(report(48447), store.latest(CAO_BANG_2022).orElseThrow().report());
        } finally {
            store.close();
        }
    }

    @Test
    void storeReport_higherRevision_supersedesAndKeepsHistory() {
        DerbyMinistryStore store = new DerbyMinistryStore(folder.resolve("db"));
        try {
            store.storeReport(report(48447), Instant.now());
            store.storeReport(report(48450).withRevision(2), Instant.now());

            assertEquals(report(48450).withRevision(2), store.latest(CAO_BANG_2022).orElseThrow().report());
            assertEquals(1, store.latestOfEveryKey().size());
            assertEquals(2, store.countRevisions());
        } finally {
            store.close();
        }
    }

    @Test
    void storedReport_survivesClosingAndReopeningTheDatabase() {
        DerbyMinistryStore store = new DerbyMinistryStore(folder.resolve("db"));
        StoreOutcome.Stored stored = assertInstanceOf(StoreOutcome.Stored.class,
                store.storeReport(report(48447), Instant.now()));
        store.close();

        DerbyMinistryStore reopened = new DerbyMinistryStore(folder.resolve("db"));
        try {
            assertEquals(report(48447), reopened.latest(CAO_BANG_2022).orElseThrow().report());
            assertEquals(stored.receipt().receiptId(), reopened.latest(CAO_BANG_2022).orElseThrow().receipt().receiptId());
        } finally {
            reopened.close();
        }
    }
}
