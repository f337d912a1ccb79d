package vn.congvu.ministry.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.store.MinistryStore;
import vn.congvu.store.StoreOutcome;
import vn.congvu.store.StoredReport;

/** The ministry's store in memory: same identity rules as the Derby one. */
class InMemoryMinistryStore implements MinistryStore {
    private final Map<String, StoredReport> byRevision = new HashMap<>();

    @Override
    public synchronized StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt) {
        String id = report.key() + "#" + report.revision();
        StoredReport earlier = byRevision.get(id);
        if (earlier != null) {
            return earlier.report().contentHash().equals(report.contentHash())
                    ? new StoreOutcome.Duplicate(earlier.receipt())
                    : new StoreOutcome.Conflict(earlier.report().contentHash());
        }
        vn.congvu.store.Receipt receipt = new vn.congvu.store.Receipt("BNV-TEST-" + (byRevision.size() + 1), Instant.now());
        byRevision.put(id, new StoredReport(report, receipt, preparedAt));
        return new StoreOutcome.Stored(receipt);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Optional<StoredReport> latest(ReportKey key) {
        return byRevision.values().stream().filter(stored -> stored.report().key().equals(key))
                .max((a, b) -> a.report().revision() - b.report().revision());
    }

    @Override
    public List<StoredReport> latestOfEveryKey() {
        return List.copyOf(byRevision.values());
    }

    @Override
    public List<StoredReport> latestFor(vn.congvu.api.Period period, vn.congvu.api.Regime regime) {
        throw new UnsupportedOperationException("not used by the endpoint");
    }

    @Override
    public long countRevisions() {
        return byRevision.size();
    }

    @Override
    public Instant recordInventory(vn.congvu.store.NodeInventory inventory) {
        throw new UnsupportedOperationException("not this test's business");
    }

    @Override
    public List<vn.congvu.store.NodeInventory> inventories() {
        return List.of();
    }

    @Override
    public boolean recordCertificate(vn.congvu.store.NodeCertificate certificate) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public List<vn.congvu.store.NodeCertificate> certificates() {
        return List.of();
    }
}
