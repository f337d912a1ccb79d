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
public class InMemoryMinistryStore implements MinistryStore {
    private final Map<String, StoredReport> byRevision = new HashMap<>();
    private final Map<ReportKey, vn.congvu.store.Refusal> refusals = new java.util.TreeMap<>(
            java.util.Comparator.comparing(ReportKey::toString));
    private final Map<String, vn.congvu.store.NodeInventory> inventories = new java.util.TreeMap<>();
    private java.time.Clock clock = java.time.Clock.systemUTC();

    /** @param clock when reports are accepted from now on */
    public void acceptAt(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized List<StoredReport> revisions(ReportKey key) {
        return byRevision.values().stream().filter(stored -> stored.report().key().equals(key))
                .sorted(java.util.Comparator.comparingInt(stored -> stored.report().revision())).toList();
    }

    @Override
    public synchronized List<vn.congvu.store.Filing> filings() {
        Map<ReportKey, List<StoredReport>> byKey = new java.util.TreeMap<>(java.util.Comparator.comparing(ReportKey::toString));
        byRevision.values().forEach(stored -> byKey.computeIfAbsent(stored.report().key(), any -> new java.util.ArrayList<>()).add(stored));
        return byKey.entrySet().stream().map(entry -> new vn.congvu.store.Filing(entry.getKey(),
                entry.getValue().stream().mapToInt(stored -> stored.report().revision()).max().orElseThrow(),
                entry.getValue().size(),
                entry.getValue().stream().map(stored -> stored.receipt().acceptedAt()).min(Instant::compareTo).orElseThrow(),
                entry.getValue().stream().map(stored -> stored.receipt().acceptedAt()).max(Instant::compareTo).orElseThrow()))
                .toList();
    }

    @Override
    public synchronized void recordRefusal(vn.congvu.store.Refusal refusal) {
        refusals.put(refusal.key(), refusal);
    }

    @Override
    public synchronized List<vn.congvu.store.Refusal> refusals() {
        return List.copyOf(refusals.values());
    }

    @Override
    public synchronized List<vn.congvu.store.Refusal> refusalsOf(String provinceCode) {
        return refusals.values().stream().filter(refusal -> refusal.key().provinceCode().equals(provinceCode)).toList();
    }

    @Override
    public synchronized StoreOutcome storeReport(Report report, String contentHash, Instant preparedAt) {
        String id = report.key() + "#" + report.revision();
        StoredReport earlier = byRevision.get(id);
        if (earlier != null) {
            return earlier.report().contentHash().equals(report.contentHash())
                    ? new StoreOutcome.Duplicate(earlier.receipt())
                    : new StoreOutcome.Conflict(earlier.report().contentHash());
        }
        vn.congvu.store.Receipt receipt = new vn.congvu.store.Receipt("BNV-TEST-" + (byRevision.size() + 1), clock.instant());
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
    public synchronized Instant recordInventory(vn.congvu.store.NodeInventory inventory) {
        inventories.put(inventory.provinceCode(), inventory);
        return inventory.lastSeen();
    }

    @Override
    public synchronized List<vn.congvu.store.NodeInventory> inventories() {
        return List.copyOf(inventories.values());
    }

    @Override
    public Map<vn.congvu.api.ModuleProvenance, java.util.Set<String>> outputsOf(String provinceCode,
            java.util.Collection<vn.congvu.api.ModuleProvenance> modules) {
        Map<vn.congvu.api.ModuleProvenance, java.util.Set<String>> none = new java.util.LinkedHashMap<>();
        modules.forEach(module -> none.put(module, java.util.Set.of()));
        return none;
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
