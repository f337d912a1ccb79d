package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.congvu.store.Filing;
import vn.congvu.store.Refusal;
import vn.congvu.store.StoredReport;

/**
 * What the reporting calendar reads: every key's revisions and acceptance times, every revision of a key, and the
 * latest refusal of each key (a later one replaces it; problems with tabs and line ends come back as they went in).
 */
class ReportFilingsTest extends OnEachEngine<JdbcMinistryStore> {

    ReportFilingsTest() {
        super(StoreEngine.Place::ministry, JdbcMinistryStore::close);
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void filings_countRevisions_firstAndLatestAcceptance_andRevisionsComeOldestFirst(StoreEngine engine) {
        open(engine);
        store.storeReport(StoreFixtures.report(StoreFixtures.CAO_BANG_2022, 100), Instant.parse("2023-01-01T00:00:00Z"));
        store.storeReport(StoreFixtures.report(StoreFixtures.CAO_BANG_2022, 101).withRevision(2), Instant.parse("2023-02-01T00:00:00Z"));
        store.storeReport(StoreFixtures.report(StoreFixtures.CAO_BANG_2021, 7), Instant.parse("2022-01-01T00:00:00Z"));

        List<Filing> filings = store.filings();

        assertEquals(List.of(StoreFixtures.CAO_BANG_2021, StoreFixtures.CAO_BANG_2022), filings.stream().map(Filing::key).toList());
        Filing twice = filings.get(1);
        assertEquals(List.of(2, 2), List.of(twice.latestRevision(), twice.revisions()));
        assertTrue(!twice.firstAcceptedAt().isAfter(twice.latestAcceptedAt()));
        List<StoredReport> revisions = store.revisions(StoreFixtures.CAO_BANG_2022);
        assertEquals(List.of(1, 2), revisions.stream().map(stored -> stored.report().revision()).toList());
        assertEquals(twice.firstAcceptedAt(), revisions.get(0).receipt().acceptedAt());
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    void aRefusal_replacesTheKeysEarlierOne_andKeepsItsProblemsAsTheyWere(StoreEngine engine) {
        open(engine);
        store.recordRefusal(new Refusal(StoreFixtures.CAO_BANG_2022, 1, Instant.parse("2023-01-01T00:00:00Z"), 1,
                List.of("first")));
        Refusal latest = new Refusal(StoreFixtures.CAO_BANG_2022, 2, Instant.parse("2023-01-02T00:00:00Z"), 120,
                List.of("values[0]: không phải số\tmà là \"x\"", "dòng\nhai"));
        store.recordRefusal(latest);

        assertEquals(List.of(latest), store.refusalsOf("04"));
        assertEquals(List.of(), store.refusalsOf("01"));
        // the calendar's read leaves the problems' text out, their count stays
        Refusal light = store.refusals().get(0);
        assertEquals(List.of(StoreFixtures.CAO_BANG_2022, 2, 120, List.of()),
                List.of(light.key(), light.revision(), light.problemCount(), light.problems()));
    }
}
