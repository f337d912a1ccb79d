package vn.congvu.engine.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.rule.ModuleResult;
import vn.congvu.engine.ModuleOutcome;
import vn.congvu.store.ProvinceStore;

/**
 * Runs rule modules, one at a time, each on a thread of the engine's within its time limit: a module that runs
 * past it is cancelled, one that fails or is cancelled with its evaluation gives an outcome saying so.
 */
final class ModuleRunner {

    /** The engine's logger: operators read module outcomes under its name. */
    private static final Logger LOG = LoggerFactory.getLogger(ReportingEngine.class);

    private final Province province;
    private final ProvinceStore store;
    private final Duration moduleTimeout;
    private final ExecutorService evaluations;

    ModuleRunner(Province province, ProvinceStore store, Duration moduleTimeout) {
        this.province = province;
        this.store = store;
        this.moduleTimeout = moduleTimeout;
        AtomicInteger count = new AtomicInteger();
        this.evaluations = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "congvu-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Cancels evaluations still running. */
    void close() {
        evaluations.shutdownNow();
    }

    /**
     * Runs one module on the period, within the time limit; its outcome is added to the list.
     *
     * @return its result, if it completed
     */
    Optional<ModuleResult> run(InstalledModule installed, Period period, List<ModuleOutcome> outcomes,
                               EvaluationProgress progress) {
        String id = installed.descriptor().id();
        String version = installed.provenance().version();
        long started = System.nanoTime();
        Future<ModuleResult> future = evaluations.submit(() -> installed.module()
                .evaluate(new StoreEvaluationContext(province, period, installed.descriptor(), store, progress)));
        try {
            ModuleResult result = future.get(moduleTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                throw new ExecutionException(new IllegalStateException("the module returned no result"));
            }
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.COMPLETED, null, since(started)));
            return Optional.of(result);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.error("Rule module {} {} ran past its {} limit and was cancelled", id, version, moduleTimeout);
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.TIMED_OUT,
                    "ran past its time limit of " + moduleTimeout.toSeconds() + " s", since(started)));
        } catch (ExecutionException e) {
            if (progress.cancelled()) {
                LOG.info("Rule module {} {} stopped: the evaluation of {} {} was cancelled", id, version, province.code(), period);
                outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.FAILED, "cancelled", since(started)));
                return Optional.empty();
            }
            LOG.error("Rule module {} {} failed on {} {}", id, version, province.code(), period, e.getCause());
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.FAILED,
                    String.valueOf(e.getCause()), since(started)));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            outcomes.add(new ModuleOutcome(id, version, ModuleOutcome.Status.FAILED, "interrupted", since(started)));
        }
        return Optional.empty();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
