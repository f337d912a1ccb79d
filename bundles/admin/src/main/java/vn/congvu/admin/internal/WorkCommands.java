package vn.congvu.admin.internal;

import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.engine.Progress;
import vn.congvu.engine.RunningWork;

/**
 * {@code congvu:work} and {@code congvu:cancel}: the long work in progress (imports, evaluations) and how to stop
 * it. A cancelled import stores nothing; a cancelled evaluation files nothing.
 */
@Component(service = WorkCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=work", "osgi.command.function=cancel"})
public class WorkCommands {

    /**
     * The session variable naming who runs the session: the node's control socket sets it to the connection's
     * name, so that Ctrl-C in that shell cancels that shell's work.
     */
    static final String OWNER_VARIABLE = "congvu.owner";

    private final RunningWork work;

    /** @param work the work in progress */
    @Activate
    public WorkCommands(@Reference RunningWork work) {
        this.work = work;
    }

    /**
     * @return one line per work in progress: its number, who started it, what it is and how far it is
     */
    @Descriptor("lists the imports and evaluations in progress, with their numbers for congvu:cancel")
    public String work() {
        List<RunningWork.Tracked> running = work.running();
        if (running.isEmpty()) {
            return "Không có việc nào đang chạy / nothing in progress";
        }
        StringBuilder lines = new StringBuilder("Số  người chạy / owner  việc / work");
        for (RunningWork.Tracked tracked : running) {
            lines.append(System.lineSeparator()).append(String.format("%-3d %-20s %s", tracked.number(), tracked.owner(),
                    tracked.latest().map(Progress::line).orElse(tracked.task())));
        }
        return lines.toString();
    }

    /**
     * @param number the work's number, as {@code congvu:work} lists it
     * @return what was cancelled
     */
    @Descriptor("cancels an import or evaluation in progress: nothing of it is stored or filed")
    public String cancel(@Descriptor("NUMBER: as congvu:work lists it") int number) {
        if (!work.cancel(number)) {
            throw new IllegalArgumentException("Không có việc số " + number + " đang chạy / no work number " + number
                    + " in progress (congvu:work lists them)");
        }
        return "Đã yêu cầu hủy việc số " + number + "; nó dừng lại mà không lưu gì / work " + number
                + " is cancelled; it stops, storing nothing";
    }

    /** @return who runs the session: its control connection, or {@code shell} */
    static String owner(CommandSession session) {
        Object owner = session == null ? null : session.get(OWNER_VARIABLE);
        return owner == null ? "shell" : owner.toString();
    }

    /**
     * Runs work on a thread of its own and shows its progress from the calling (command) thread every 5 s, on
     * the session's standard error: the only thread that prints to this session for sure (an evaluation's
     * modules run on the engine's threads, which print to whichever shell first made them).
     *
     * @param tracked the work's tracking
     * @param work    the work
     * @return what the work gave
     */
    static <T> T showingProgress(RunningWork.Tracked tracked, java.util.function.Supplier<T> work) {
        java.util.concurrent.CompletableFuture<T> running = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                running.complete(work.get());
            } catch (RuntimeException | Error e) {
                running.completeExceptionally(e);
            }
        }, "congvu-" + tracked.task().replace(' ', '-'));
        worker.start();
        while (true) {
            try {
                return running.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                tracked.latest().ifPresent(WorkCommands::show);
            } catch (InterruptedException e) {
                tracked.cancel(); // the shell went away: the work stops, leaving nothing, and is waited for
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Shows progress on the session's standard error, so that standard output keeps the commands' answers. */
    private static void show(Progress progress) {
        System.err.println(progress.line());
    }
}
