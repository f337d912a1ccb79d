package vn.congvu.engine.internal;

import java.util.Collection;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import vn.congvu.api.Problem;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordTypes;
import vn.congvu.engine.WorkWatcher;
import vn.congvu.engine.internal.intake.Ticker;

/**
 * An evaluation's progress: the records its modules have read, out of those they will read (each module reads
 * its record types once), and its cancel: a module reading records when the evaluation is cancelled stops at
 * the next record, and no later module starts.
 */
final class EvaluationProgress {

    /** The evaluation was cancelled: nothing filed. */
    static final Problem CANCELLED = Problem.permanent("evaluation", "evaluation.cancelled",
            "Đã hủy việc đánh giá; không báo cáo nào được nộp", "the evaluation was cancelled; nothing is filed");

    private final Ticker ticker;

    EvaluationProgress(vn.congvu.store.ProvinceStore store, String task, Collection<InstalledModule> modules,
                       WorkWatcher watcher) {
        long total = 0;
        if (watcher != WorkWatcher.NONE) {
            for (InstalledModule module : modules) {
                for (String type : module.descriptor().reads()) {
                    total += RecordTypes.byName(type).map(store::storedRecordsEstimate).orElse(0L);
                }
            }
        }
        this.ticker = new Ticker(watcher, task, () -> 0, total);
    }

    /**
     * @param action what a module does with each record
     * @return the same, counting each record and stopping the reading when the evaluation is cancelled
     */
    Consumer<Record> counting(Consumer<Record> action) {
        return record -> {
            ticker.tick();
            if (ticker.cancelled()) {
                throw new CancellationException("the evaluation was cancelled");
            }
            action.accept(record);
        };
    }

    /** @return whether the evaluation was cancelled */
    boolean cancelled() {
        return ticker.cancelled();
    }
}
