package vn.congvu.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import vn.congvu.api.CoreIndicators;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;
import vn.congvu.api.format.VietnameseNumbers;
import vn.congvu.engine.FilingResult;
import vn.congvu.engine.ImportResult;
import vn.congvu.engine.RecordIntake;
import vn.congvu.engine.ReportFiling;
import vn.congvu.ministry.ReportQueries;
import vn.congvu.uplink.DeliveryState;
import vn.congvu.uplink.Uplink;

/**
 * Each seed province in turn: its demo records imported into a province configured with its code, evaluated
 * by its rule bundle, filed over loopback gRPC; the figures the ministry stores are those its source
 * document states. Each province gets a framework of its own, configured once, as a node is.
 * (Cao Bằng's dossier figures are checked in ProvinceFilesWithMinistryIT.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SeedProvincesIT extends CongvuTestSupport {

    private static final String DATA = "congvu.it.seed-data.";

    @Configuration
    public Option[] configuration() throws Exception {
        for (String province : List.of("01", "04", "06", "08", "42")) {
            Path folder = workFolder("seed-" + province);
            vn.congvu.demo.SeedDemoData.write(province, folder);
            Files.deleteIfExists(folder.resolve("dossier.csv")); // 210,000 dossiers: ProvinceFilesWithMinistryIT's job
            System.setProperty(DATA + province, folder.toString());
        }
        return congvuRuntime();
    }

    /**
     * Configures the framework as the province and the ministry, imports the province's data, files each
     * period, and returns what the ministry holds, in the order of the periods.
     */
    private List<Report> fileAndFetch(String province, String... periods) throws Exception {
        Path folder = workFolder("node-" + province);
        int port = freePort();
        configureMinistry(folder.resolve("ministry-db"), port);
        configureProvince(province, folder.resolve("province-db"), port);
        try (Stream<Path> files = Files.list(Path.of(System.getProperty(DATA + province)))) {
            for (Path file : files.sorted().toList()) {
                String type = file.getFileName().toString().replaceFirst("\\.(csv|json)$", "");
                ImportResult imported = service(RecordIntake.class).importFile(file, type);
                assertTrue(imported.errors().toString(), imported.accepted());
            }
        }
        List<Report> stored = new java.util.ArrayList<>();
        for (String period : periods) {
            FilingResult filing = service(ReportFiling.class).file(Period.parse(period));
            assertTrue(filing.problems().toString(), filing.filed());
            assertEquals(DeliveryState.DELIVERED, service(Uplink.class)
                    .awaitOutcome(filing.outboxEntryId(), Duration.ofSeconds(60)).orElseThrow().state());
            Report report = service(ReportQueries.class).latest(new ReportKey(province, Period.parse(period), Regime.PERIODIC))
                    .orElseThrow().report();
            assertEquals(filing.report().get(), report);
            stored.add(report);
        }
        return stored;
    }

    private static long count(Report report, String code, String breakdown) {
        return report.value(code, breakdown.isEmpty() ? Disaggregation.TOTAL : Disaggregation.parse(breakdown))
                .orElseThrow(() -> new AssertionError(code + " (" + breakdown + ") is not in the report")).longValueExact();
    }

    private static long sum(Report report, String code) {
        return report.values().stream().filter(value -> value.code().equals(code))
                .map(value -> value.value()).reduce(BigDecimal.ZERO, BigDecimal::add).longValueExact();
    }

    private static String percent(long part, long whole) {
        return VietnameseNumbers.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    @Test
    public void caoBang2022_administrativeDisciplineFiguresOfSeed003() throws Exception {
        Report report = fileAndFetch("04", "2022").get(0);

        assertEquals("93,22%", percent(count(report, "reform.tasks.done", ""), count(report, "reform.tasks.planned", "")));
        assertEquals(55, count(report, "reform.tasks.done", ""));
        assertEquals(List.of(154L, 193L, 80L, 133L, 135L), Stream.of("new", "amended", "abolished", "standardised", "shortened")
                .map(kind -> count(report, "procedure.catalogue_change", "change_kind=" + kind)).toList());
        // as the report states them, though its parts add up to 2,222
        assertEquals(2_192, count(report, "procedure.total", ""));
        assertEquals(List.of(1_731L, 297L, 194L), Stream.of("province", "district", "commune")
                .map(authority -> count(report, "procedure.total", "authority=" + authority)).toList());
        assertEquals(703, count(report, "feedback.received", ""));
        assertEquals(598, count(report, "feedback.resolved", ""));
        // 6,7% (47 of 703) of the feedback was about administrative regulations and procedures
        assertEquals(47, count(report, "feedback.received.procedures", ""));
        assertEquals(9, count(report, "inspection.count", ""));
        assertEquals(6, count(report, "inspection.units", "level=department"));
        assertEquals(3, count(report, "inspection.units", "level=district"));
        assertEquals(10, count(report, "training.classes", ""));
        assertEquals(619, count(report, "training.attendees", ""));
        assertEquals(96, sum(report, "staff.disciplined"));
        assertEquals(43, count(report, "caobang.procedure.publication_decisions", ""));
    }

    @Test
    public void tuyenQuang2019_ratingsAndRanksOfSeed001() throws Exception {
        Report report = fileAndFetch("08", "2019").get(0);

        long rated = count(report, "staff.rated", "");
        long excellent = count(report, "staff.rated.by_grade", "grade=excellent");
        long goodOrBetter = excellent + count(report, "staff.rated.by_grade", "grade=good");
        assertEquals(18_897, rated);
        assertEquals(17_700, goodOrBetter);
        assertEquals("93,67%", percent(goodOrBetter, rated));
        assertEquals("13,90%", percent(excellent, rated));
        assertEquals(32, count(report, "index.rank", "index=PCI"));
        assertEquals(16, count(report, "index.rank", "index=PAR_INDEX"));
        assertEquals(26, count(report, "index.rank", "index=SIPAS"));
    }

    @Test
    public void bacKan2019to2021_inspectionsSharesAndDisciplineOfSeed002() throws Exception {
        String[][] shares = {
            {"2019", "civil_servant", "13,34%", "83,57%"}, {"2019", "public_employee", "19,24%", "76,74%"},
            {"2019", "commune_official", "1,87%", "94,81%"}, {"2020", "civil_servant", "18,84%", "78,34%"},
            {"2020", "public_employee", "16,27%", "80,86%"}, {"2020", "commune_official", "5,92%", "92,00%"},
            {"2021", "civil_servant", "17,91%", "80,79%"}, {"2021", "public_employee", "24,25%", "73,25%"},
            {"2021", "commune_official", "7,93%", "89,53%"}};
        long inspections = 0;
        long[] disciplined = new long[3];
        List<Report> reports = fileAndFetch("06", "2019", "2020", "2021");
        for (int year = 2019; year <= 2021; year++) {
            Report report = reports.get(year - 2019);
            inspections += count(report, "inspection.count", "");
            disciplined[year - 2019] = sum(report, "staff.disciplined");
            for (String[] share : shares) {
                if (share[0].equals(Integer.toString(year))) {
                    long rated = count(report, "staff.rated", "staff_category=" + share[1]);
                    assertEquals(share[1] + " " + year, share[2], percent(count(report, "staff.rated.by_grade",
                            "grade=excellent,staff_category=" + share[1]), rated));
                    assertEquals(share[1] + " " + year, share[3], percent(count(report, "staff.rated.by_grade",
                            "grade=good,staff_category=" + share[1]), rated));
                }
            }
        }
        assertEquals(128, inspections);
        assertEquals(List.of(24L, 8L, 21L), List.of(disciplined[0], disciplined[1], disciplined[2]));
    }

    @Test
    public void hanoi2023_conductCodeFindingsAtTheTwoDepartmentsOfSeed004() throws Exception {
        Report report = fileAndFetch("01", "2023").get(0);

        assertEquals(List.of("hanoi.attitude@Sở Kế hoạch và Đầu tư", "hanoi.badge@Sở Kế hoạch và Đầu tư", "hanoi.badge@Sở Tài chính",
                        "hanoi.door-nameplate@Sở Tài chính", "hanoi.dossier-on-time@Sở Kế hoạch và Đầu tư",
                        "hanoi.no-smoking@Sở Kế hoạch và Đầu tư"),
                report.findings().stream().map(finding -> finding.ruleId() + "@" + finding.unit()).toList());
        assertTrue(report.findings().stream().allMatch(finding -> finding.severity() == Finding.Severity.WARNING));
        assertEquals(16, count(report, "procedure.online", "unit=Sở Tài chính"));
        assertEquals(16, count(report, "procedure.total", "unit=Sở Tài chính"));
        assertEquals(0, count(report, "conduct.violations", "rule=hanoi.attitude,unit=Sở Tài chính"));
    }

    @Test
    public void haTinh2023_zeroConductDisciplineIsARealZeroOfSeed000() throws Exception {
        Report report = fileAndFetch("42", "2023").get(0);

        assertEquals(0, count(report, CoreIndicators.STAFF_DISCIPLINED_CONDUCT, ""));
        assertEquals(320, count(report, CoreIndicators.CAMPAIGN_COMMITMENTS, ""));
        assertTrue(report.modules().stream().anyMatch(module -> module.moduleId().equals("national.decree48-rating")));
        assertEquals(List.of(), report.findings());
    }
}
