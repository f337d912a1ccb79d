package vn.congvu.engine.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import vn.congvu.api.record.Record;
import vn.congvu.store.ImportSummary;
import vn.congvu.store.ProvinceStore;

/**
 * A province store that keeps committed imports in memory, for intake tests: what a staged import committed,
 * and nothing of one abandoned. Only imports work; anything else fails the test.
 */
final class RecordingStore {

    /** Every committed import's records, in order. */
    final List<List<Record>> committed = new ArrayList<>();
    /** Each committed file's SHA-256, and what its import gave. */
    final java.util.Map<String, ImportSummary> hashes = new java.util.HashMap<>();
    /** Records appended to imports that were abandoned. */
    int abandoned;
    /** Called with each record as it is appended, before it is kept. */
    Consumer<Record> onAppend = record -> { };

    ProvinceStore store() {
        return (ProvinceStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ProvinceStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("beginImport")) {
                        return new Staged();
                    }
                    if (method.getName().equals("importedBefore")) {
                        return java.util.Optional.ofNullable(hashes.get((String) args[1]));
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not for intake tests");
                });
    }

    /** @return the records of the last committed import */
    List<Record> last() {
        return committed.isEmpty() ? List.of() : committed.get(committed.size() - 1);
    }

    private final class Staged implements ProvinceStore.StagedImport {
        private final List<Record> records = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private boolean done;

        @Override
        public boolean append(Record record) {
            onAppend.accept(record);
            return keys.add(record.key()) && records.add(record);
        }

        @Override
        public ImportSummary commit(String sourceSha256) {
            done = true;
            committed.add(List.copyOf(records));
            ImportSummary summary = new ImportSummary(committed.size(), records.size(), java.time.Instant.now(), false);
            hashes.put(sourceSha256, new ImportSummary(summary.importId(), summary.recordCount(), summary.importedAt(), true));
            return summary;
        }

        @Override
        public void close() {
            if (!done) {
                abandoned += records.size();
            }
            done = true;
        }
    }
}
