package vn.congvu.admin.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import vn.congvu.api.Period;
import vn.congvu.api.Problem;
import vn.congvu.api.Province;
import vn.congvu.api.Report;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.ImportOptions;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.engine.RunningWork;
import vn.congvu.uplink.Delivery;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.uplink.OutboxSummary;
import vn.congvu.uplink.Uplink;

/**
 * The province operator's commands. Present only on a province node (it needs the engine and uplink).
 * A command that fails throws, so that a script run by the launcher ends with a non-zero exit code.
 */
@Component(service = ProvinceCommands.class, property = {
        "osgi.command.scope=congvu", "osgi.command.function=intake", "osgi.command.function=file",
        "osgi.command.function=catchup", "osgi.command.function=outbox"})
public class ProvinceCommands {

    private static final String TYPE = "TYPE: dossier, rating, discipline, inspection, feedback, training, campaign, ... (README, \"Record files\")";
    private static final String FILE = "FILE: absolute path of the CSV, JSON or xlsx file";
    private static final String OPTION = "OPTION: encoding=NAME (windows-1258, UTF-16, ...) or sheet=NAME";
    private static final String PERIOD = "PERIOD: 2022, 2022-H1, 2022-Q3 or 2022-M07";

    private final RecordIntake intake;
    /** How many stuck entries {@code congvu:outbox} lists. */
    private static final int STUCK_SHOWN = 20;
    /** The engine's rule code for a period that has not begun. */
    private static final String NOT_BEGUN = "period.not_begun";

    private final ReportFiling filing;
    private final Uplink uplink;
    private final RunningWork work;

    /**
     * @param intake imports record files
     * @param filing evaluates and files
     * @param uplink sends to the ministry
     * @param work   tracks imports and evaluations, so that they show progress and can be cancelled
     */
    @Activate
    public ProvinceCommands(@Reference RecordIntake intake, @Reference ReportFiling filing, @Reference Uplink uplink,
                            @Reference RunningWork work) {
        this.intake = intake;
        this.filing = filing;
        this.uplink = uplink;
        this.work = work;
    }

    /**
     * {@code congvu:intake dossier /srv/data/dossiers.csv}: imports a record file of one record type, showing
     * its progress; Ctrl-C (or {@code congvu:cancel}) stops it with nothing stored.
     *
     * @param session    the shell session, whose owner name lets Ctrl-C cancel the import
     * @param recordType the record type
     * @param file       the file
     * @return a summary line
     */
    @Descriptor("imports a CSV, JSON or xlsx file of one record type; a file with any error is refused whole, every error listed")
    public String intake(CommandSession session, @Descriptor(TYPE) String recordType, @Descriptor(FILE) String file) {
        return intake(session, recordType, file, new String[0]);
    }

    /**
     * {@code congvu:intake dossier /srv/data/hoso.csv encoding=windows-1258}: as {@link #intake(CommandSession,
     * String, String)}, with the file's encoding or sheet named.
     *
     * @param session    the shell session
     * @param recordType the record type
     * @param file       the file
     * @param option     {@code encoding=NAME} or {@code sheet=NAME}
     * @return a summary line
     */
    @Descriptor("imports a file naming its encoding (when not UTF-8) or its sheet (when not the first)")
    public String intake(CommandSession session, @Descriptor(TYPE) String recordType, @Descriptor(FILE) String file,
                         @Descriptor(OPTION) String option) {
        return intake(session, recordType, file, new String[] {option});
    }

    /**
     * As {@link #intake(CommandSession, String, String, String)}, with both options.
     *
     * @param session    the shell session
     * @param recordType the record type
     * @param file       the file
     * @param option     {@code encoding=NAME} or {@code sheet=NAME}
     * @param another    the other one
     * @return a summary line
     */
    @Descriptor("imports a file naming its encoding and its sheet")
    public String intake(CommandSession session, @Descriptor(TYPE) String recordType, @Descriptor(FILE) String file,
                         @Descriptor(OPTION) String option, @Descriptor(OPTION) String another) {
        return intake(session, recordType, file, new String[] {option, another});
    }

    private String intake(CommandSession session, String recordType, String file, String[] options) {
        ImportOptions parsed = ImportOptions.parse(options);
        java.nio.file.Path path = GivenPath.absolute(file, "FILE");
        ImportResult result;
        try (RunningWork.Tracked tracked = work.begin("importing " + path.getFileName(), WorkCommands.owner(session))) {
            result = WorkCommands.showingProgress(tracked, () -> intake.importFile(path, recordType, parsed, tracked));
        }
        if (result.cancelled()) {
            throw new IllegalStateException("Đã hủy việc nhập tệp " + file + "; không bản ghi nào được lưu / the import of "
                    + file + " was cancelled; nothing is stored");
        }
        if (!result.accepted()) {
            StringBuilder errors = new StringBuilder("Tệp " + file + " bị từ chối, không bản ghi nào được nhập ("
                    + result.errors().size() + " lỗi) / file refused, nothing imported:");
            result.errors().forEach(problem -> errors.append(System.lineSeparator()).append("  ")
                    .append(problem.field()).append(": ").append(problem.messageVi()).append(" / ").append(problem.messageEn()));
            throw new IllegalArgumentException(errors.toString());
        }
        return result.alreadyImported()
                ? "Tệp " + file + " đã được nhập trước đây; không có gì thay đổi (" + result.records() + " bản ghi)"
                : "Đã nhập " + result.records() + " bản ghi " + recordType + " từ " + file;
    }

    /**
     * {@code congvu:file 2022}: evaluates the period and files the report; it is sent in the background.
     *
     * @param session the shell session, whose owner name lets Ctrl-C cancel the evaluation
     * @param period  the period, such as 2022 or 2022-Q3
     * @return what was filed
     * @throws InterruptedException never without waiting
     */
    @Descriptor("evaluates a period with every rule module and files the report")
    public String file(CommandSession session, @Descriptor(PERIOD) String period) throws InterruptedException {
        return file(session, period, 0);
    }

    /**
     * {@code congvu:file 2022 120}: as {@link #file(String)}, then waits up to the given seconds for the
     * ministry's receipt.
     *
     * @param session     the shell session
     * @param period      the period
     * @param waitSeconds how long to wait for the receipt
     * @return what was filed and the receipt
     * @throws InterruptedException if the wait is interrupted
     */
    @Descriptor("evaluates a period, files the report and waits for the ministry's receipt")
    public String file(CommandSession session, @Descriptor(PERIOD) String period, @Descriptor("SECONDS: how long to wait for the receipt") int waitSeconds) throws InterruptedException {
        Period parsed = Period.parse(period);
        FilingResult result;
        try (RunningWork.Tracked tracked = work.begin("evaluating " + parsed, WorkCommands.owner(session))) {
            result = WorkCommands.showingProgress(tracked, () -> filing.file(parsed, tracked));
        }
        StringBuilder out = new StringBuilder();
        result.modules().forEach(module -> out.append(String.format("Mô-đun %s %s: %s (%d ms)%n", module.moduleId(),
                module.version(), module.completed() ? "xong" : module.status() + " - " + module.error(),
                module.took().toMillis())));
        if (!result.filed()) {
            out.append("Không nộp báo cáo / nothing filed:");
            for (Problem problem : result.problems()) {
                out.append(System.lineSeparator()).append("  ").append(problem.field()).append(": ")
                        .append(problem.messageVi()).append(" / ").append(problem.messageEn());
            }
            throw new IllegalStateException(out.toString());
        }
        Report report = result.report().get();
        String province = Province.byCode(report.key().provinceCode()).map(Province::name).orElse("?");
        result.narrative().forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
        out.append(String.format("%s báo cáo %s kỳ %s, lần %d (%d số liệu)", result.unchanged()
                        ? "Không có gì mới: đã nộp" : "Đã nộp", province, report.key().period(), report.revision(),
                report.values().size()));
        if (waitSeconds > 0) {
            Optional<Delivery> entry = uplink.awaitOutcome(result.outboxEntryId(), Duration.ofSeconds(waitSeconds));
            out.append(System.lineSeparator()).append(describe(entry.orElseThrow(), waitSeconds));
        }
        return out.toString();
    }

    /**
     * {@code congvu:catchup 2024-M01 2024-M12}: files every period from the first to the last (both of the
     * same kind), as after a long outage; the reports are sent in the background, in order.
     *
     * @param first the first period
     * @param last  the last period
     * @return how many reports were filed, unchanged, or could not be filed
     */
    @Descriptor("files every period from FIRST to LAST in order, as after an outage")
    public String catchup(@Descriptor("FIRST: the first period, such as 2024-M01") String first, @Descriptor("LAST: the last period, such as 2024-M12") String last) {
        Period from = Period.parse(first);
        Period to = Period.parse(last);
        if (from.kind() != to.kind() || from.compareTo(to) > 0) {
            throw new IllegalArgumentException("'" + first + "' to '" + last + "' is not a range of periods of one kind, in order");
        }
        int filed = 0;
        int unchanged = 0;
        List<String> failed = new ArrayList<>();
        for (Period period = from; period.compareTo(to) <= 0; period = period.next()) {
            FilingResult result = filing.file(period);
            if (!result.filed() && NOT_BEGUN.equals(result.problems().get(0).rule())) {
                // the later periods have not begun either: one line says so for all of them
                Problem problem = result.problems().get(0);
                failed.add((period.equals(to) ? period : period + " - " + to) + ": " + problem.messageVi() + " / "
                        + problem.messageEn());
                break;
            }
            if (!result.filed()) {
                Problem problem = result.problems().get(0);
                failed.add(period + ": " + problem.messageVi() + " / " + problem.messageEn());
            } else if (result.unchanged()) {
                unchanged++;
            } else {
                filed++;
            }
        }
        String summary = String.format("Từ %s đến %s: đã nộp %d báo cáo, %d không có gì mới, %d lỗi / filed %d, "
                + "%d unchanged, %d errors", first, last, filed, unchanged, failed.size(), filed, unchanged, failed.size());
        if (!failed.isEmpty()) {
            throw new IllegalStateException(summary + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", failed));
        }
        return summary;
    }

    /**
     * {@code congvu:outbox}: how the outbox stands, and every entry that needs an operator's eye: waiting
     * after failed attempts (how many, the last status and error, since when), refused by the ministry or
     * failed in this node (with the reasons).
     *
     * @return the counts, then one block per stuck entry
     */
    @Descriptor("reports waiting, delivered, refused and failed, and every stuck entry")
    public String outbox() {
        OutboxSummary status = uplink.status();
        StringBuilder out = new StringBuilder(String.format("Hộp thư đi: %d chờ gửi%s, %d đã gửi, %d bị từ chối, "
                        + "%d lỗi tại tỉnh / outbox: %d waiting, %d delivered, %d refused, %d failed", status.pending(),
                status.oldestPendingAt().map(at -> " (cũ nhất từ / oldest since " + OutboxLines.time(at) + ")").orElse(""), status.delivered(),
                status.refused(), status.failed(), status.pending(), status.delivered(), status.refused(), status.failed()));
        List<Delivery> stuck = uplink.stuck(STUCK_SHOWN + 1);
        if (!stuck.isEmpty()) {
            out.append(System.lineSeparator()).append("Cần xem / needs attention:");
        }
        stuck.stream().limit(STUCK_SHOWN).forEach(entry -> out.append(System.lineSeparator()).append(OutboxLines.stuck(entry)));
        if (stuck.size() > STUCK_SHOWN) {
            out.append(System.lineSeparator()).append("  ... và các mục khác / and more");
        }
        return out.toString();
    }

    /**
     * {@code congvu:outbox 600}: waits up to the given seconds until nothing waits in the outbox.
     *
     * @param waitSeconds how long to wait at most
     * @return how the outbox stands
     * @throws InterruptedException if the wait is interrupted
     */
    @Descriptor("waits until the outbox is empty, then shows it; fails if it does not empty in time")
    public String outbox(@Descriptor("SECONDS: how long to wait") int waitSeconds) throws InterruptedException {
        if (uplink.awaitDrained(Duration.ofSeconds(waitSeconds)).pending() > 0) {
            throw new IllegalStateException(outbox() + " - chưa gửi hết sau " + waitSeconds + " giây / not drained after "
                    + waitSeconds + " s");
        }
        return outbox();
    }

    private static String describe(Delivery entry, int waitedSeconds) {
        if (entry.state() == DeliveryState.DELIVERED) {
            return "Bộ Nội vụ đã nhận: biên nhận " + entry.receiptId() + " / delivered, receipt " + entry.receiptId();
        }
        if (entry.state() != DeliveryState.PENDING) {
            throw new IllegalStateException(OutboxLines.stuck(entry));
        }
        throw new IllegalStateException("Chưa gửi được sau " + waitedSeconds + " giây; báo cáo vẫn nằm trong hộp thư đi "
                + "và sẽ được gửi lại (" + entry.attempts() + " lần thử, lỗi gần nhất: " + entry.lastError()
                + ") / not delivered yet; it stays in the outbox and will be retried");
    }
}
