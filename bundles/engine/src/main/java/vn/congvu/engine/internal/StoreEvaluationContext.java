package vn.congvu.engine.internal;

import java.util.function.Consumer;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.store.ProvinceStore;

/** Gives a module the records it declared it reads, straight from the store, counting them for progress. */
final class StoreEvaluationContext implements EvaluationContext {

    private final Province province;
    private final Period period;
    private final ModuleDescriptor descriptor;
    private final ProvinceStore store;
    private final EvaluationProgress progress;

    StoreEvaluationContext(Province province, Period period, ModuleDescriptor descriptor, ProvinceStore store,
                           EvaluationProgress progress) {
        this.progress = progress;
        this.province = province;
        this.period = period;
        this.descriptor = descriptor;
        this.store = store;
    }

    @Override
    public Province province() {
        return province;
    }

    @Override
    public Period period() {
        return period;
    }

    @Override
    public void forEachRecord(String recordType, Consumer<Record> action) {
        if (!descriptor.reads().contains(recordType)) {
            throw new IllegalArgumentException("module " + descriptor.id() + " reads '" + recordType
                    + "' records but declares only " + descriptor.reads());
        }
        RecordType type = RecordTypes.byName(recordType).orElseThrow(() -> new IllegalArgumentException(
                "module " + descriptor.id() + " reads unknown record type '" + recordType + "'"));
        store.forEachRecord(type, progress.counting(action));
    }
}
