package vn.congvu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.congvu.it.SeedFederation.ANALYST;
import static vn.congvu.it.SeedFederation.SEEDS;
import static vn.congvu.it.SeedFederation.VIETNAM;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * Issue 16's "done when": the ministry's web console driven in a real headless Chromium, against a ministry holding
 * the demo's reports (the six seed provinces filed from the built distribution, as demo.sh does). Screenshots of the
 * pages go to target/screenshots/ (the README's come from there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("congvu.screenshots", "target/screenshots"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern FILED = Pattern.compile("(Đúng hạn|Trễ ([0-9.]+) ngày) \\((\\d\\d/\\d\\d/\\d{4})\\)");

    private SeedFederation federation;
    private ConsoleClient client;
    private ConsoleBrowser browser;

    @BeforeAll
    void startTheDemoFederationAndABrowser() throws Exception {
        Path work = CongvuTestSupport.workFolder("console-browser");
        federation = SeedFederation.start(work);
        client = new ConsoleClient(federation.caCertificate());
        browser = new ConsoleBrowser(federation.console(), work, SCREENSHOTS);
    }

    @AfterAll
    void stopAll() throws Exception {
        try (SeedFederation nodes = federation; ConsoleBrowser chromium = browser) {
            // both closed, the browser first, even when one of them failed to start (then it is null)
        }
    }

    @Test
    void withoutASession_pagesLeadToTheSignInForm_dataIsRefused_andPlainHttpIsRefused() throws Exception {
        HttpResponse<byte[]> api = client.get(console("/api/v1/completeness?year=2023"), null);
        assertEquals(401, api.statusCode(), text(api));
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), api.headers().toString());
        assertTrue(text(api).startsWith("{\"error\": "), text(api));
        assertEquals(401, client.get(console("/api/v1/fleet"), "not-a-session").statusCode());
        HttpResponse<byte[]> csv = client.get(console("/console/completeness?year=2023&format=csv&table=completeness"), null);
        assertEquals(401, csv.statusCode(), text(csv));
        assertTrue(text(csv).startsWith("{\"error\": "), text(csv));
        HttpResponse<byte[]> page = client.get(console("/console/completeness?year=2023"), null);
        assertEquals(303, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").startsWith("/console/login?next="), page.headers().toString());
        assertEquals(0, page.body().length);
        HttpResponse<byte[]> plain = client.get(federation.plainHttp().resolve("/api/v1/completeness?year=2023"), null);
        assertEquals(403, plain.statusCode(), text(plain));
        assertTrue(text(plain).contains(federation.console() + "/console/"), text(plain));

        browser.forgetSession();
        URI landed = browser.open("/console/completeness?year=2023&regime=periodic");
        assertEquals("/console/login", landed.getPath());
        assertEquals("Đăng nhập", browser.find(By.id("sign-in")).getText());
        browser.screenshot("login");
        browser.signIn(ANALYST, "not-" + federation.password());
        assertEquals("Sai tên đăng nhập hoặc mật khẩu / wrong name or password", browser.await(By.id("login-error")).getText());
        assertEquals(null, browser.sessionCookie());
        browser.signIn(ANALYST, federation.password());
        assertEquals(URI.create(federation.console() + "/console/completeness?year=2023&regime=periodic"),
                browser.awaitPath("/console/login", false));
        assertEquals(SeedFederation.ANALYST_NAME, browser.find(By.cssSelector("form.signout span")).getText());

        String session = browser.sessionCookie();
        assertEquals(200, client.get(console("/api/v1/fleet"), session).statusCode());
        browser.signOut();
        browser.awaitPath("/console/login", true);
        assertEquals(401, client.get(console("/api/v1/fleet"), session).statusCode(), "the session ended with the sign-out");
    }

    /** Each seed's period filed (late or on time by the day it was filed), every other unit missing or not yet due. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2019, 2020, 2021, 2022, 2023, 2026})
    void completeness_showsEachSeedPeriodAsFiled_andEveryOtherUnitAsMissing(int year) throws Exception {
        signIn();
        LocalDate due = LocalDate.of(year, 12, 20);
        boolean pastDue = LocalDate.now(VIETNAM).isAfter(due);
        browser.open("/console/completeness?year=" + year + "&regime=periodic");
        ConsoleTable matrix = browser.table("completeness");
        String period = String.valueOf(year);
        assertEquals(List.of("code", "province", period), matrix.keys());
        assertEquals(year < 2025 ? 63 : 34, matrix.rows().size(), "the units of the map of " + year);

        Map<String, String> expected = new TreeMap<>();
        Map<String, String> shown = new TreeMap<>();
        for (List<ConsoleTable.Cell> row : matrix.rows()) {
            String code = matrix.text(row, "code");
            String filed = SEEDS.stream().filter(seed -> seed.code().equals(code) && seed.years().contains(year))
                    .map(seed -> seed.name() + ": " + (federation.lastFilingDay().isAfter(due) ? "late" : "on-time"))
                    .findFirst().orElse(null);
            expected.put(code, filed != null ? filed : matrix.text(row, "province") + ": " + (pastDue ? "missing" : "not-due"));
            shown.put(code, matrix.text(row, "province") + ": " + matrix.cell(row, period).status());
        }
        assertEquals(expected, shown);

        ConsoleTable rates = browser.table("rates");
        List<ConsoleTable.Cell> rate = rates.rowWhere("period", period).orElseThrow();
        assertEquals(List.of(String.valueOf(matrix.rows().size()), count(shown, "late"), count(shown, "on-time"),
                count(shown, "missing"), count(shown, "not-due"), "20/12/" + year), List.of(rates.text(rate, "expected"),
                rates.text(rate, "late"), rates.text(rate, "onTime"), rates.text(rate, "missing"), rates.text(rate, "notDue"),
                rates.text(rate, "due")));
        if (year == 2023) {
            browser.screenshotPage("completeness-2023", 1800);
        }
    }

    /** A report filed after its due date shows as late by the days from the due date to the day it was filed. */
    @Test
    void aLateFiling_showsAsLate_byItsDaysPastTheDueDate() throws Exception {
        signIn();
        for (SeedFederation.Seed seed : SEEDS) {
            for (int year : seed.years()) {
                browser.open("/console/completeness?year=" + year + "&regime=periodic");
                ConsoleTable matrix = browser.table("completeness");
                ConsoleTable.Cell cell = matrix.cell(matrix.rowWhere("code", seed.code()).orElseThrow(), String.valueOf(year));
                Matcher filed = FILED.matcher(cell.text());
                assertTrue(filed.matches(), seed.name() + " " + year + ": " + cell.text());
                LocalDate day = LocalDate.parse(filed.group(3), DAY);
                assertTrue(federation.filedOn(day), seed.name() + " " + year + " filed on " + day);
                long late = ChronoUnit.DAYS.between(LocalDate.of(year, 12, 20), day);
                String expected = late > 0 ? "Trễ " + vietnamese(late) + " ngày (" + DAY.format(day) + ")"
                        : "Đúng hạn (" + DAY.format(day) + ")";
                assertEquals(expected, cell.text(), seed.name() + " " + year);
                assertEquals(late > 0 ? "late" : "on-time", cell.status(), seed.name() + " " + year);
            }
        }
    }

    /** The national table's figures are the stored reports' figures, summed per indicator and breakdown. */
    @Test
    void theNationalTable_holdsTheFiguresOfTheStoredReports() throws Exception {
        signIn();
        // one province filed for 2022: the national table is Cao Bằng's stored report, with the seed's figures, but
        // for its own indicators outside the national catalog (they add up to nothing across provinces)
        browser.open("/console/national?period=2022&view=reported");
        List<List<String>> national2022 = NationalFigures.shownFigures(browser.table("national"));
        List<List<String>> caoBang = NationalFigures.printedFigures(TextTables.printed(
                federation.shell("congvu:report 04 2022"), "Báo cáo Cao Bằng (04), kỳ 2022"));
        assertTrue(caoBang.stream().anyMatch(NationalFigures::isExtension), "Cao Bằng has indicators of its own: " + caoBang);
        assertEquals(caoBang.stream().filter(row -> !NationalFigures.isExtension(row)).toList(), national2022);
        assertTrue(national2022.contains(List.of("Tỷ lệ hồ sơ giải quyết đúng hạn", "Sở, ban, ngành", "99,50%", "%",
                "48.207", "48.447")), national2022.toString());

        // two provinces filed for 2019, and two for 2023: each figure is their sum, each rate recomputed from the sums
        for (int year : List.of(2019, 2023)) {
            List<List<Map<String, String>>> stored = new ArrayList<>();
            for (SeedFederation.Seed seed : SEEDS) {
                if (seed.years().contains(year)) {
                    stored.add(TextTables.printed(federation.shell("congvu:report " + seed.code() + " " + year), "Báo cáo "));
                }
            }
            assertEquals(2, stored.size());
            Map<String, List<String>> expected = NationalFigures.expected(stored);
            assertFalse(expected.isEmpty(), "the stored reports of " + year + " hold figures");
            browser.open("/console/national?period=" + year + "&view=reported");
            assertEquals(expected, NationalFigures.shown(browser.table("national")), "national " + year);
            if (year == 2023) {
                browser.screenshotPage("national-2023", 1300);
            }
        }
    }

    /**
     * The CSV download of a table holds the table as the page shows it (its numbers plain, so that any Excel reads
     * them as numbers: {@code 48207} for the page's {@code 48.207}, {@code 99.5046} for {@code 99,50%}); the JSON
     * download holds the shown text too.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/console/completeness?year=2023&regime=periodic#completeness",
            "/console/national?period=2022&view=reported#national", "/console/province/04#figures"})
    void aDownload_holdsTheTableAsShown_csvInUtf8WithAByteOrderMark(String pageAndTable) throws Exception {
        signIn();
        String id = pageAndTable.substring(pageAndTable.indexOf('#') + 1);
        browser.open(pageAndTable.substring(0, pageAndTable.indexOf('#')));
        ConsoleTable shown = browser.table(id);
        assertFalse(shown.rows().isEmpty(), id);

        List<List<String>> records = client.csv(browser.link(By.cssSelector("section#" + id + " a.csv")), browser.sessionCookie());
        assertEquals(shown.labels(), records.get(0).stream().map(label -> label.replace(" (%)", "")).toList());
        assertEquals(shown.texts().size(), records.size() - 1);
        for (int row = 0; row < shown.texts().size(); row++) {
            List<String> page = shown.texts().get(row);
            List<String> file = records.get(row + 1);
            assertEquals(page.size(), file.size(), "row " + row);
            for (int column = 0; column < page.size(); column++) {
                assertTrue(TextTables.sameFigure(page.get(column), file.get(column)),
                        "row " + row + ", " + shown.labels().get(column) + ": page '" + page.get(column) + "', CSV '"
                                + file.get(column) + "'");
            }
        }

        HttpResponse<byte[]> json = client.get(browser.link(By.cssSelector("section#" + id + " a.json")), browser.sessionCookie());
        assertEquals(200, json.statusCode(), text(json));
        List<List<String>> texts = TextTables.json(text(json), id, shown.keys());
        assertEquals(shown.texts(), texts);
    }

    /** A province's page: each report with the receipt its node was given, and the modules that computed its figures. */
    @Test
    void aProvincePage_listsEachReportWithItsReceipt_andTheModulesThatComputedIt() throws Exception {
        signIn();
        for (SeedFederation.Seed seed : SEEDS) {
            browser.open("/console/province/" + seed.code());
            assertEquals(seed.name() + " (" + seed.code() + ")", browser.find(By.tagName("h1")).getText());
            ConsoleTable reports = browser.table("reports");
            Map<String, String> expected = new TreeMap<>();
            IntStream.range(0, seed.years().size()).forEach(index ->
                    expected.put(String.valueOf(seed.years().get(index)), federation.receipts(seed.code()).get(index)));
            Map<String, String> shown = new TreeMap<>();
            reports.rows().forEach(row -> shown.put(reports.text(row, "period"), reports.text(row, "receipt")));
            assertEquals(expected, shown, seed.name());

            ConsoleTable modules = browser.table("modules");
            Map<String, String> versions = new TreeMap<>();
            modules.rows().forEach(row -> versions.put(modules.text(row, "module"), modules.text(row, "version")));
            assertTrue(versions.keySet().stream().anyMatch(module -> module.startsWith(seed.bundle() + ".")), versions.toString());
            assertTrue(versions.keySet().stream().allMatch(module -> module.startsWith(seed.bundle() + ".")
                    || module.startsWith("national.")), versions.toString());
            ConsoleTable figures = browser.table("figures");
            assertFalse(figures.rows().isEmpty(), seed.name());
            for (String computer : figures.column("module")) {
                String module = computer.substring(0, computer.lastIndexOf(' '));
                assertEquals(versions.get(module), computer.substring(computer.lastIndexOf(' ') + 1), seed.name() + ": " + computer);
            }
            if (seed.code().equals("19")) {
                browser.screenshotPage("province-19", 1100);
                browser.screenshot("province-19-modules", By.id("modules"));
            }
        }
    }

    /** Each chart draws one bar per row of the table it is drawn from: the ranking, one per province with dossiers. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2019, 2022, 2023})
    void aChart_drawsOneBarPerRowOfItsTable(int period) throws Exception {
        signIn();
        browser.open("/console/charts?period=" + period);
        for (String id : List.of("on-time-ranking", "discipline")) {
            if (browser.table(id).rows().isEmpty()) {
                // nothing to draw: said in words, no empty axes
                assertFalse(browser.findAll(By.cssSelector("p.no-chart")).isEmpty(), id + " " + period);
                assertTrue(browser.findAll(By.id("chart-" + id)).isEmpty(), id + " " + period);
                continue;
            }
            String bars = browser.awaitAttribute(By.id("chart-" + id), "data-bars");
            assertEquals(browser.table(id).rows().size(), Integer.parseInt(bars), id + " " + period);
            assertFalse(browser.findAll(By.cssSelector("#chart-" + id + " canvas")).isEmpty(), "ECharts drew " + id);
        }
        ConsoleTable ranking = browser.table("on-time-ranking");
        // of the seeds, only Cao Bằng reports dossiers: 2022 ranks it alone, its three levels together
        assertEquals(period == 2022 ? List.of(List.of("1", "Cao Bằng", "99,40%", "205.354", "206.591")) : List.of(),
                ranking.texts());
        if (period == 2022) {
            browser.screenshotPage("charts-2022", 2000);
        }
    }

    /** The fleet: each seed province's node, heard from, with the modules of its rule bundle. */
    @Test
    void theFleet_showsEachSeedProvincesNode_withItsModules() throws Exception {
        signIn();
        browser.open("/console/fleet");
        ConsoleTable fleet = browser.table("fleet");
        for (SeedFederation.Seed seed : SEEDS) {
            List<List<ConsoleTable.Cell>> rows = fleet.rows().stream()
                    .filter(row -> fleet.text(row, "province").equals(seed.name() + " (" + seed.code() + ")")).toList();
            assertFalse(rows.isEmpty(), seed.name() + " in " + fleet.texts());
            rows.forEach(row -> assertEquals("active", fleet.cell(row, "state").status(), seed.name()));
            assertTrue(rows.stream().anyMatch(row -> fleet.text(row, "module").startsWith(seed.bundle() + ".")), seed.name());
        }
        browser.screenshot("fleet");
    }

    private void signIn() {
        browser.ensureSignedIn(ANALYST, federation.password());
    }

    private URI console(String pathAndQuery) throws Exception {
        return federation.console().resolve(pathAndQuery);
    }
    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String count(Map<String, String> shown, String status) {
        return String.valueOf(shown.values().stream().filter(state -> state.endsWith(": " + status)).count());
    }

    /** A count as the console writes it: dots between thousands. */
    private static String vietnamese(long count) {
        return String.format(Locale.ROOT, "%,d", count).replace(',', '.');
    }
}
