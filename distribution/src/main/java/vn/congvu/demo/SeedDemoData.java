package vn.congvu.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes each seed province's demo records, one file per record type named after it (such as
 * {@code feedback.json}, {@code rating.csv}), the same bytes on every run. Evaluated by the province's
 * rule bundle, they give the figures of its source document ({@code ../shared/seeds}).
 *
 * <p>Where a document gives only a total, the records split it in a way the document does not state
 * (marked "illustrative" below and in the README); where it gives no number at all, the records are
 * illustrative too. Every figure a document does state is reproduced exactly.
 */
public final class SeedDemoData {

    private final Path folder;
    private final SplittableRandom random;

    private SeedDemoData(Path folder, long seed) {
        this.folder = folder;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param args the province code (01, 04, 06, 08, 42, 19) and the folder to write into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SeedDemoData PROVINCE_CODE FOLDER");
            System.exit(2);
        }
        List<Path> files = write(args[0], Path.of(args[1]));
        System.out.println("Đã tạo " + files.size() + " tệp dữ liệu mẫu của tỉnh " + args[0] + " tại " + args[1]);
    }

    /**
     * @param provinceCode 01 Hà Nội, 04 Cao Bằng, 06 Bắc Kạn, 08 Tuyên Quang, 42 Hà Tĩnh, or 19 Thái Nguyên (2026)
     * @param folder       where to write
     * @return the files written; each file's name (less its extension) is its record type
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(String provinceCode, Path folder) throws IOException {
        Files.createDirectories(folder);
        SeedDemoData data = new SeedDemoData(folder, Long.parseLong(provinceCode) * 7919L);
        return switch (provinceCode) {
            case "01" -> data.hanoi();
            case "04" -> data.caoBang();
            case "06" -> data.bacKan();
            case "08" -> data.tuyenQuang();
            case "42" -> data.haTinh();
            // not a seed: Thái Nguyên's 2026 on the 34-province map, illustrative
            case "19" -> ThaiNguyenDemoData.write(folder);
            default -> throw new IllegalArgumentException("no demo data for province " + provinceCode
                    + ": the seeds cover 01, 04, 06, 08 and 42, and 19 (Thái Nguyên, 2026) is illustrative");
        };
    }

    /** Seed 003: Cao Bằng, administrative discipline and public-service culture, 2022. */
    private List<Path> caoBang() throws IOException {
        List<Path> files = new ArrayList<>();
        Path dossiers = folder.resolve("dossier.csv");
        CaoBangDossiers.write(dossiers);
        files.add(dossiers);

        List<String> tasks = new ArrayList<>(List.of("id,year,title,status"));
        for (int i = 1; i <= 59; i++) {
            // 55 of 59 tasks of the 2022 reform plan done (93,22%); the other four's status is illustrative
            String status = i <= 55 ? "done" : i <= 58 ? "in_progress" : "not_started";
            tasks.add(String.format("KH3652-%02d,2022,\"Nhiệm vụ %d, Kế hoạch 3652/KH-UBND\",%s", i, i, status));
        }
        files.add(write("reform.task.csv", tasks));

        List<String> changes = new ArrayList<>(List.of("id,date,procedure,kind,decision"));
        int number = 0;
        for (Map.Entry<String, Integer> kind : List.of(Map.entry("new", 154), Map.entry("amended", 193),
                Map.entry("abolished", 80), Map.entry("standardised", 133), Map.entry("shortened", 135))) {
            for (int i = 0; i < kind.getValue(); i++) {
                number++;
                changes.add(String.format("TTHC-2022-%04d,%s,\"Thủ tục số %d\",%s,\"Quyết định công bố số %d/43\"", number,
                        dayOf(2022), number, kind.getKey(), 1 + number % 43));
            }
        }
        files.add(write("procedure.change.csv", changes));

        // the report states 2,192 procedures "of which" 1,731 + 297 + 194, which add up to 2,222: both are
        // reproduced as stated, the total as its own figure
        files.add(write("figure.csv", List.of("id,indicator,disaggregation,value,period,source",
                "TTHC-TONG,procedure.total,,2192,2022,\"Báo cáo KLKCHC và VHCV năm 2022, UBND tỉnh Cao Bằng\"",
                "TTHC-TINH,procedure.total,authority=province,1731,2022,\"Báo cáo KLKCHC và VHCV năm 2022, UBND tỉnh Cao Bằng\"",
                "TTHC-HUYEN,procedure.total,authority=district,297,2022,\"Báo cáo KLKCHC và VHCV năm 2022, UBND tỉnh Cao Bằng\"",
                "TTHC-XA,procedure.total,authority=commune,194,2022,\"Báo cáo KLKCHC và VHCV năm 2022, UBND tỉnh Cao Bằng\"")));

        // 703 feedback items received in 2022, 598 resolved within the year (as JSON, to show JSON intake); 47 of
        // them (6,7%, as the report says) about administrative regulations and procedures: the items whose number
        // times 47 leaves a remainder under 47 when divided by 703, which spreads exactly 47 over the year
        List<String> feedback = new ArrayList<>();
        for (int i = 1; i <= 703; i++) {
            LocalDate received = dayOf(2022);
            String resolved = i <= 598 ? LocalDate.of(2022, 12, 31).isBefore(received.plusDays(10))
                    ? "2022-12-31" : received.plusDays(random.nextInt(1, 11)).toString() : "";
            String topic = i * 47 % 703 < 47 ? "administrative_procedure" : "other";
            feedback.add(String.format("  {\"id\": \"PAKN-2022-%03d\", \"received\": \"%s\", \"resolved\": \"%s\", "
                    + "\"channel\": \"Hệ thống tiếp nhận phản ánh, kiến nghị\", \"topic\": \"%s\"}", i, received, resolved, topic));
        }
        files.add(write("feedback.json", List.of("[", String.join(",\n", feedback), "]")));

        List<String> inspections = new ArrayList<>(List.of("id,date,unit,level,kind"));
        List<String> departments = List.of("Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo",
                "Sở Lao động - Thương binh và Xã hội", "Sở Giao thông vận tải");
        for (int i = 0; i < 6; i++) {
            inspections.add(String.format("KTCCHC-2022-%d,%s,\"%s\",department,planned", i + 1, dayOf(2022), departments.get(i)));
        }
        List<String> districts = List.of("UBND huyện Bảo Lâm", "UBND huyện Trùng Khánh", "UBND huyện Thạch An");
        for (int i = 0; i < 3; i++) {
            inspections.add(String.format("KTCCHC-2022-%d,%s,\"%s\",district,planned", i + 7, dayOf(2022), districts.get(i)));
        }
        files.add(write("inspection.csv", inspections));

        List<String> training = new ArrayList<>(List.of("id,date,title,attendees"));
        int[] attendees = {58, 64, 61, 70, 55, 66, 59, 62, 60, 64}; // 619 in all; per class illustrative
        for (int i = 0; i < attendees.length; i++) {
            training.add(String.format("BD-2022-%02d,%s,\"Bồi dưỡng kỷ luật, kỷ cương hành chính và văn hóa công vụ, lớp %d\",%d",
                    i + 1, dayOf(2022), i + 1, attendees[i]));
        }
        files.add(write("training.csv", training));

        // 96 staff disciplined by 20/12/2022; the report gives no split by form, so this split is illustrative
        List<String> discipline = new ArrayList<>(List.of("id,staff_id,decided,form,staff_category,cause,unit"));
        addDiscipline(discipline, "CB", 2022, Map.of("reprimand", 58, "warning", 27, "salary_step_down", 4, "demotion", 2,
                "removal", 3, "dismissal", 2));
        files.add(write("discipline.csv", discipline));
        return files;
    }

    /** Seed 001: Tuyên Quang, 2019 ratings, index ranks, and the "4 xin, 4 luôn" campaign. */
    private List<Path> tuyenQuang() throws IOException {
        // 18,897 rated, 17,700 good or better (93,67%), 13,9% excellent: 2,627 excellent, so 15,073 good
        // (79,76%; the article's 79,6% does not add up with its other two figures). The 1,197 below "good"
        // are split illustratively, as are the staff categories.
        List<String> ratings = new ArrayList<>(List.of("id,staff_id,year,staff_category,grade,unit"));
        int[][] grades = {{2627}, {15073}, {1150}, {47}};
        String[] gradeCodes = {"excellent", "good", "completed", "not_completed"};
        String[] categories = {"civil_servant", "public_employee", "commune_official"};
        int staff = 0;
        for (int g = 0; g < gradeCodes.length; g++) {
            for (int i = 0; i < grades[g][0]; i++) {
                staff++;
                ratings.add(String.format("DG2019-%05d,TQ-%05d,2019,%s,%s,", staff, staff, categories[staff % 3], gradeCodes[g]));
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(write("rating.csv", ratings));
        files.add(write("figure.csv", List.of("id,indicator,disaggregation,value,period,source",
                "PCI-2019,index.rank,index=PCI,32,2019,\"Chỉ số PCI 2019 (VCCI)\"",
                "PAR-2019,index.rank,index=PAR_INDEX,16,2019,\"Chỉ số CCHC 2019 (Bộ Nội vụ)\"",
                "SIPAS-2019,index.rank,index=SIPAS,26,2019,\"Chỉ số SIPAS 2019 (Bộ Nội vụ)\"")));
        // the article reports no counts for the "4 xin, 4 luôn" checks: these observations are illustrative
        List<String> observations = new ArrayList<>(List.of("id,date,unit,rule,outcome,count,note"));
        List<String> rules = List.of("xin-chao", "xin-loi", "xin-cam-on", "xin-phep", "luon-mim-cuoi", "luon-nhe-nhang",
                "luon-lang-nghe", "luon-giup-do");
        List<String> units = List.of("Trung tâm Phục vụ hành chính công tỉnh", "Bộ phận một cửa huyện Yên Sơn",
                "Bộ phận một cửa thành phố Tuyên Quang");
        int id = 0;
        for (String unit : units) {
            for (String rule : rules) {
                boolean broken = unit.contains("Yên Sơn") && rule.equals("luon-lang-nghe");
                observations.add(String.format("QS2019-%03d,2019-10-15,\"%s\",tuyenquang.%s,%s,%d,", ++id, unit, rule,
                        broken ? "broken" : "kept", broken ? 2 : 20));
            }
        }
        files.add(write("inspection.observation.csv", observations));
        return files;
    }

    /** Seed 002: Bắc Kạn, 2019-2021: inspections, rating shares per staff category, discipline by form. */
    private List<Path> bacKan() throws IOException {
        List<Path> files = new ArrayList<>();
        // 128 inspections over 2019-2021; the article gives no yearly split, so 40/42/46 is illustrative
        List<String> inspections = new ArrayList<>(List.of("id,date,unit,level,kind"));
        int[] perYear = {40, 42, 46};
        int id = 0;
        for (int y = 0; y < 3; y++) {
            for (int i = 0; i < perYear[y]; i++) {
                id++;
                String level = id % 3 == 0 ? "commune" : id % 3 == 1 ? "department" : "district";
                inspections.add(String.format("KT-%d-%03d,%s,\"Đơn vị được kiểm tra số %d\",%s,%s", 2019 + y, id,
                        dayOf(2019 + y), id, level, id % 4 == 0 ? "surprise" : "planned"));
            }
        }
        files.add(write("inspection.csv", inspections));

        // the article's shares (excellent, good) per category and year; the numbers rated are the smallest
        // at or above a plausible size that give exactly those shares, to two decimals
        Object[][] shares = {
            {"civil_servant", 2019, "13.34", "83.57"}, {"civil_servant", 2020, "18.84", "78.34"}, {"civil_servant", 2021, "17.91", "80.79"},
            {"public_employee", 2019, "19.24", "76.74"}, {"public_employee", 2020, "16.27", "80.86"}, {"public_employee", 2021, "24.25", "73.25"},
            {"commune_official", 2019, "1.87", "94.81"}, {"commune_official", 2020, "5.92", "92.00"}, {"commune_official", 2021, "7.93", "89.53"}};
        List<String> ratings = new ArrayList<>(List.of("id,staff_id,year,staff_category,grade,unit"));
        int rating = 0;
        for (Object[] share : shares) {
            int minimum = share[0].equals("public_employee") ? 6000 : share[0].equals("civil_servant") ? 1500 : 2500;
            int[] counts = countsFor(new BigDecimal((String) share[2]), new BigDecimal((String) share[3]), minimum);
            for (int g = 0; g < 3; g++) {
                for (int i = 0; i < counts[g]; i++) {
                    rating++;
                    ratings.add(String.format("BK-DG-%06d,BK-%06d,%d,%s,%s,", rating, rating, (Integer) share[1], share[0],
                            new String[] {"excellent", "good", "completed"}[g]));
                }
            }
        }
        files.add(write("rating.csv", ratings));

        // 24 (2019, reprimand up to removal), 8 (2020) and 21 (2021, reprimand and warning); splits by form illustrative
        List<String> discipline = new ArrayList<>(List.of("id,staff_id,decided,form,staff_category,cause,unit"));
        addDiscipline(discipline, "BK", 2019, Map.of("reprimand", 14, "warning", 6, "salary_step_down", 1, "demotion", 1, "removal", 2));
        addDiscipline(discipline, "BK", 2020, Map.of("reprimand", 5, "warning", 3));
        addDiscipline(discipline, "BK", 2021, Map.of("reprimand", 15, "warning", 6));
        files.add(write("discipline.csv", discipline));
        return files;
    }

    /** Seed 004: Hà Nội, the inspection of the two conduct codes at two departments (year assumed 2023). */
    private List<Path> hanoi() throws IOException {
        List<Path> files = new ArrayList<>();
        // which rule was kept or broken where is the article's; how often ("một số") is not, so counts of 1
        List<String> observations = new ArrayList<>(List.of("id,date,unit,rule,outcome,count,note",
                "HN-KT-01,2023-11-02,\"Sở Tài chính\",hanoi.badge,broken,1,\"Còn một số cán bộ chưa đeo thẻ\"",
                "HN-KT-02,2023-11-02,\"Sở Tài chính\",hanoi.door-nameplate,broken,1,\"Cửa phòng ban chưa có biển bảng tên\"",
                "HN-KT-03,2023-11-02,\"Sở Tài chính\",hanoi.attitude,kept,1,\"Không có đơn thư, khiếu nại về thái độ phục vụ\"",
                "HN-KT-04,2023-11-02,\"Sở Tài chính\",hanoi.dossier-on-time,kept,1,",
                "HN-KT-05,2023-11-02,\"Sở Kế hoạch và Đầu tư\",hanoi.badge,broken,1,\"Còn một số cán bộ chưa đeo thẻ\"",
                "HN-KT-06,2023-11-02,\"Sở Kế hoạch và Đầu tư\",hanoi.dossier-on-time,broken,1,\"Vẫn còn tỷ lệ hồ sơ giải quyết chậm\"",
                "HN-KT-07,2023-11-02,\"Sở Kế hoạch và Đầu tư\",hanoi.attitude,broken,1,\"Vẫn còn ý kiến phản ánh về thái độ giao tiếp\"",
                "HN-KT-08,2023-11-02,\"Sở Kế hoạch và Đầu tư\",hanoi.no-smoking,broken,1,\"Một số CCVC&NLĐ còn giữ thói quen hút thuốc lá\""));
        files.add(write("inspection.observation.csv", observations));
        files.add(write("figure.csv", List.of("id,indicator,disaggregation,value,period,source",
                "STC-TTHC,procedure.total,unit=Sở Tài chính,16,2023,\"Đoàn kiểm tra liên ngành, 2/11\"",
                "STC-DVCTT,procedure.online,unit=Sở Tài chính,16,2023,\"Đoàn kiểm tra liên ngành, 2/11\"",
                "SKHDT-TTHC,procedure.total,unit=Sở Kế hoạch và Đầu tư,110,2023,\"Đoàn kiểm tra liên ngành, 2/11\"")));
        return files;
    }

    /** Seed 000: Hà Tĩnh, the office-culture campaign of 2023. */
    private List<Path> haTinh() throws IOException {
        List<Path> files = new ArrayList<>();
        // the report says staff signed personal commitments and agencies set up feedback boxes, with no
        // numbers: these commitments and the box count are illustrative. No one was disciplined for breaking
        // the public-service culture code: there are no such discipline records, and the figure is a real 0.
        List<String> commitments = new ArrayList<>(List.of("id,signed,unit,campaign"));
        List<String> units = List.of("Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "UBND thành phố Hà Tĩnh",
                "UBND thị xã Hồng Lĩnh", "UBND huyện Kỳ Anh", "UBND huyện Cẩm Xuyên");
        int id = 0;
        for (String unit : units) {
            for (int i = 0; i < 40; i++) {
                commitments.add(String.format("CK2023-%04d,%s,\"%s\",\"CBCCVC Hà Tĩnh thi đua thực hiện phong trào văn hóa công sở\"",
                        ++id, LocalDate.of(2023, 1, 10).plusDays(random.nextInt(0, 60)), unit));
            }
        }
        files.add(write("commitment.csv", commitments));
        files.add(write("figure.csv", List.of("id,indicator,disaggregation,value,period,source",
                "HOPTHU-2023,campaign.feedback_boxes,,8,2023,\"Báo cáo Sở Nội vụ Hà Tĩnh năm 2023\"")));
        return files;
    }

    /** The counts excellent, good, completed for the smallest size at or above minimum that gives both shares. */
    static int[] countsFor(BigDecimal excellentPercent, BigDecimal goodPercent, int minimum) {
        for (int size = minimum; size < minimum + 100_000; size++) {
            int excellent = countFor(excellentPercent, size);
            int good = countFor(goodPercent, size);
            if (excellent >= 0 && good >= 0 && excellent + good <= size) {
                return new int[] {excellent, good, size - excellent - good};
            }
        }
        throw new IllegalArgumentException("no size gives " + excellentPercent + "% and " + goodPercent + "%");
    }

    /** The count out of size whose share, rounded half up to two decimals, is the percent; -1 if none. */
    private static int countFor(BigDecimal percent, int size) {
        int count = percent.multiply(BigDecimal.valueOf(size)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).intValue();
        BigDecimal share = BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
        return share.compareTo(percent) == 0 ? count : -1;
    }

    /** Discipline decisions of one year, decided between 5 January and 11 December. */
    private void addDiscipline(List<String> lines, String prefix, int year, Map<String, Integer> forms) {
        int start = lines.size();
        for (String form : List.of("reprimand", "warning", "salary_step_down", "demotion", "removal", "dismissal")) {
            for (int i = 0; i < forms.getOrDefault(form, 0); i++) {
                int n = lines.size() - start + 1;
                lines.add(String.format("%s-KL-%d-%03d,%s-CB-%d-%03d,%s,%s,,other,", prefix, year, n, prefix, year, n,
                        LocalDate.of(year, 1, 5).plusDays(random.nextInt(0, 340)), form));
            }
        }
    }

    private LocalDate dayOf(int year) {
        return LocalDate.ofYearDay(year, random.nextInt(1, LocalDate.of(year, 12, 31).getDayOfYear() + 1));
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
