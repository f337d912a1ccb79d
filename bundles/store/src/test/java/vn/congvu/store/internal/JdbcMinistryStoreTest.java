package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static vn.congvu.store.internal.StoreFixtures.CAO_BANG_2022;
import static vn.congvu.store.internal.StoreFixtures.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.store.StoreOutcome;
import vn.congvu.store.StoredReport;

class JdbcMinistryStoreTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storeReport_sameRevisionTwice_returnsFirstReceipt(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
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

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storeReport_sameRevisionOtherContent_isAConflictAndKeepsTheFirst(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
        try {
            store.storeReport(report(48447), Instant.now());

            StoreOutcome outcome = store.storeReport(report(9), Instant.now());

            assertEquals(new StoreOutcome.Conflict(report(48447).contentHash()), outcome);
            assertEquals(report(48447), store.latest(CAO_BANG_2022).orElseThrow().report());
        } finally {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storeReport_higherRevision_supersedesAndKeepsHistory(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
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
    void figures_withTabsAndLineFeedsInAnOpenDimension_comeBackAsStored() {
        List<IndicatorValue> values = List.of(
                new IndicatorValue("procedure.total", new Disaggregation(java.util.Map.of("unit", "Sở\tNội vụ\\n")), java.math.BigDecimal.ONE),
                new IndicatorValue("procedure.total", Disaggregation.TOTAL, new java.math.BigDecimal("2192")),
                new IndicatorValue("dossier.on_time_rate", Disaggregation.of("level", "district"), new java.math.BigDecimal("99.29")));
        assertEquals(values, ReportRows.decodeValues(ReportRows.encodeValues(values)));
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void latestFor_givesEachProvincesHighestRevisionOfThatPeriodOnly(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
        try {
            Report caoBang2022 = report(48447);
            Report caoBang2022Revised = report(48450).withRevision(2);
            Report haNoi2022 = new Report(new ReportKey("01", Period.year(2022), Regime.PERIODIC), 1, caoBang2022.modules(),
                    caoBang2022.values(), List.of());
            Report caoBang2023 = new Report(new ReportKey("04", Period.year(2023), Regime.PERIODIC), 1, caoBang2022.modules(),
                    caoBang2022.values(), List.of());
            for (Report report : List.of(caoBang2022, caoBang2022Revised, haNoi2022, caoBang2023)) {
                store.storeReport(report, Instant.now());
            }

            assertEquals(List.of(haNoi2022, caoBang2022Revised), store.latestFor(Period.year(2022), Regime.PERIODIC).stream()
                    .map(StoredReport::report).toList());
            assertEquals(List.of(), store.latestFor(Period.year(2021), Regime.PERIODIC));
        } finally {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storeReport_manyAtOnceFromManyThreads_eachStoredOnceWithItsOwnReceipt(StoreEngine engine) throws Exception {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
        java.util.concurrent.ExecutorService provinces = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<StoreOutcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                // 200 distinct reports, each filed twice at about the same time
                int revision = 1 + i % 200;
                outcomes.add(provinces.submit(() -> store.storeReport(report(48447).withRevision(revision), Instant.now())));
            }
            java.util.Map<Integer, String> receipts = new java.util.HashMap<>();
            long stored = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                StoreOutcome outcome = outcomes.get(i).get();
                String receipt = outcome instanceof StoreOutcome.Stored s ? s.receipt().receiptId()
                        : ((StoreOutcome.Duplicate) outcome).firstReceipt().receiptId();
                stored += outcome instanceof StoreOutcome.Stored ? 1 : 0;
                String earlier = receipts.putIfAbsent(1 + i % 200, receipt);
                if (earlier != null) {
                    assertEquals(earlier, receipt, "both filings of a revision get the same receipt");
                }
            }
            assertEquals(200, stored);
            assertEquals(200, store.countRevisions());
            assertEquals(200, new java.util.HashSet<>(receipts.values()).size());
        } finally {
            provinces.shutdownNow();
            store.close();
        }
    }

    /** Two ministry nodes on one database: any report may reach either, and each revision is stored once. */
    @ParameterizedTest
    @EnumSource(value = StoreEngine.class, names = "POSTGRESQL")
    void storeReport_twoNodesOnOneDatabase_eachRevisionStoredOnceWithOneReceiptAnsweredByBoth(StoreEngine engine)
            throws Exception {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore first = place.ministry();
        JdbcMinistryStore second = place.ministry();
        java.util.concurrent.ExecutorService provinces = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<StoreOutcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 600; i++) {
                // 300 revisions, each sent to both nodes at about the same time (a retry through the other node)
                int revision = 1 + i / 2;
                JdbcMinistryStore node = i % 2 == 0 ? first : second;
                outcomes.add(provinces.submit(() -> node.storeReport(report(48447).withRevision(revision), Instant.now())));
            }
            java.util.Map<Integer, String> receipts = new java.util.HashMap<>();
            long stored = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                StoreOutcome outcome = outcomes.get(i).get();
                String receipt = outcome instanceof StoreOutcome.Stored s ? s.receipt().receiptId()
                        : assertInstanceOf(StoreOutcome.Duplicate.class, outcome).firstReceipt().receiptId();
                stored += outcome instanceof StoreOutcome.Stored ? 1 : 0;
                String earlier = receipts.putIfAbsent(1 + i / 2, receipt);
                if (earlier != null) {
                    assertEquals(earlier, receipt, "both nodes answer a revision with the same receipt");
                }
            }
            assertEquals(300, stored);
            assertEquals(300, first.countRevisions());
            assertEquals(300, second.countRevisions());
            assertEquals(300, new java.util.HashSet<>(receipts.values()).size(), "receipt ids are unique across nodes");
            assertEquals(report(48447).withRevision(300), second.latest(CAO_BANG_2022).orElseThrow().report());
        } finally {
            provinces.shutdownNow();
            first.close();
            second.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void recordInventory_replacesTheProvincesPrevious(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
        try {
            vn.congvu.store.NodeModule v1 = new vn.congvu.store.NodeModule("caobang.dossier-timeliness", "1.0.0", "ab".repeat(32),
                    "04", "Tỷ lệ hồ sơ đúng hạn", "Nghị định 61/2018/NĐ-CP", Instant.parse("2026-01-01T00:00:00Z"));
            vn.congvu.store.NodeModule v2 = new vn.congvu.store.NodeModule("caobang.dossier-timeliness", "1.1.0", "cd".repeat(32),
                    "04", "Tỷ lệ hồ sơ đúng hạn", "Nghị định 61/2018/NĐ-CP", Instant.parse("2026-02-01T00:00:00Z"));
            store.recordInventory(new vn.congvu.store.NodeInventory("04", Instant.now(), Instant.now(), List.of(v1)));
            store.recordInventory(new vn.congvu.store.NodeInventory("04", Instant.now(), Instant.now(), List.of(v2)));

            assertEquals(1, store.inventories().size());
            assertEquals(List.of(v2), store.inventories().get(0).modules());
        } finally {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void recordInventory_keepsEachModulesSignerAsSent_andNoneWhereTheNodeDidNotSay(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        String signer = "CN=Sở Nội vụ tỉnh Cao Bằng, O=UBND tỉnh Cao Bằng, L=Thành phố Cao Bằng, C=VN (sha256 1a2b3c4d5e6f)";
        Instant since = Instant.parse("2026-03-01T00:00:00Z");
        vn.congvu.store.NodeModule signed = new vn.congvu.store.NodeModule("caobang.administrative-discipline", "1.2.0",
                "ab".repeat(32), "04", "Kỷ luật hành chính", "Chỉ thị 26/CT-TTg", since, signer);
        vn.congvu.store.NodeModule notSaid = new vn.congvu.store.NodeModule("national.decree48-rating", "1.0.0",
                "cd".repeat(32), "*", "Đánh giá, xếp loại", "Nghị định 48/2023/NĐ-CP", since);
        JdbcMinistryStore store = place.ministry();
        try {
            store.recordInventory(new vn.congvu.store.NodeInventory("04", Instant.now(), Instant.now(), List.of(signed, notSaid)));
        } finally {
            store.close();
        }

        JdbcMinistryStore reopened = place.ministry();
        try {
            List<vn.congvu.store.NodeModule> modules = reopened.inventories().get(0).modules();
            assertEquals(List.of(signed, notSaid), modules);
            assertEquals(signer, modules.get(0).signer());
            assertEquals("", modules.get(1).signer());
        } finally {
            reopened.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storedReport_survivesClosingAndReopeningTheDatabase(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
        StoreOutcome.Stored stored = assertInstanceOf(StoreOutcome.Stored.class,
                store.storeReport(report(48447), Instant.now()));
        store.close();

        JdbcMinistryStore reopened = place.ministry();
        try {
            assertEquals(report(48447), reopened.latest(CAO_BANG_2022).orElseThrow().report());
            assertEquals(stored.receipt().receiptId(), reopened.latest(CAO_BANG_2022).orElseThrow().receipt().receiptId());
        } finally {
            reopened.close();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void storeReport_revisionStoredUnderTheFirstCanonicalForm_sameContentIsStillADuplicate(StoreEngine engine) {
        StoreEngine.Place place = engine.place(folder);
        JdbcMinistryStore store = place.ministry();
        StoreOutcome.Stored first = assertInstanceOf(StoreOutcome.Stored.class, store.storeReport(report(48447), Instant.now()));
        store.close();
        try (Database database = place.ministryDatabase()) {
            database.inTransaction("giving the report a hash of the first canonical form", connection -> {
                try (java.sql.Statement update = connection.createStatement()) {
                    return update.executeUpdate("UPDATE reports SET content_hash = '" + "b".repeat(64) + "'");
                }
            });
        }
        store = place.ministry();
        try {
            StoreOutcome.Duplicate again = assertInstanceOf(StoreOutcome.Duplicate.class,
                    store.storeReport(report(48447), Instant.now()));
            StoreOutcome other = store.storeReport(report(9), Instant.now());

            assertEquals(first.receipt(), again.firstReceipt());
            assertEquals(new StoreOutcome.Conflict("b".repeat(64)), other);
        } finally {
            store.close();
        }
    }
}
