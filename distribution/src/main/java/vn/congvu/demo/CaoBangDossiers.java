package vn.congvu.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes Cao Bằng's 2022 dossier records (the demo's input) as CSV, the same bytes on every run.
 *
 * <p>The records are made so that evaluating them gives what the province's 2022 report states
 * ({@code seeds/003}): departments 48,447 resolved (240 late), districts 12,650 (90 late), communes
 * 145,494 (907 late). Around them lie records that must not count: dossiers still pending at the end of
 * 2022 and dossiers resolved in 2021.
 */
public final class CaoBangDossiers {

    /** The seed the demo data is made with. */
    static final long SEED = 2022_04L;

    /**
     * Resolved and late dossiers of one level in 2022, as the report states them.
     *
     * @param level    the level code
     * @param prefix   the id prefix
     * @param resolved dossiers resolved in 2022
     * @param late     of which late
     * @param units    the receiving units
     */
    record LevelFigures(String level, String prefix, int resolved, int late, List<String> units) {
    }

    static final List<LevelFigures> FIGURES_2022 = List.of(
            new LevelFigures("department", "SO", 48_447, 240, List.of("Sở Nội vụ", "Sở Tư pháp",
                    "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải", "Sở Xây dựng",
                    "Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Công Thương")),
            new LevelFigures("district", "HUYEN", 12_650, 90, List.of("UBND thành phố Cao Bằng",
                    "UBND huyện Bảo Lâm", "UBND huyện Bảo Lạc", "UBND huyện Hà Quảng", "UBND huyện Trùng Khánh",
                    "UBND huyện Hạ Lang", "UBND huyện Quảng Hòa", "UBND huyện Hòa An", "UBND huyện Nguyên Bình",
                    "UBND huyện Thạch An")),
            new LevelFigures("commune", "XA", 145_494, 907, List.of("UBND phường Đề Thám", "UBND phường Hợp Giang",
                    "UBND xã Hưng Đạo", "UBND xã Chu Trinh", "UBND xã Đức Long", "UBND xã Quang Trung",
                    "UBND xã Bế Triều", "UBND xã Nam Tuấn", "UBND xã Dân Chủ", "UBND xã Trương Lương",
                    "UBND xã Hồng Việt", "UBND xã Lê Chung", "UBND thị trấn Pác Miầu", "UBND xã Thể Dục",
                    "UBND xã Ca Thành", "UBND xã Tam Kim", "UBND thị trấn Đông Khê", "UBND xã Đức Xuân")));

    private final SplittableRandom random = new SplittableRandom(SEED);

    /**
     * @param args the CSV file to write
     * @throws IOException if it cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CaoBangDossiers FILE.csv");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int written = write(file);
        System.out.println("Đã tạo " + written + " hồ sơ TTHC mẫu của Cao Bằng tại " + file);
    }

    /**
     * @param file where to write
     * @return how many records were written
     * @throws IOException if it cannot be written
     */
    public static int write(Path file) throws IOException {
        return new CaoBangDossiers().writeTo(file);
    }

    private int writeTo(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,level,unit,received,due,resolved\n");
            for (LevelFigures figures : FIGURES_2022) {
                int number = 0;
                for (int i = 0; i < figures.resolved(); i++) {
                    boolean late = i < figures.late();
                    LocalDate resolved = dayOf(2022);
                    int processingDays = random.nextInt(3, 21);
                    LocalDate due = late ? resolved.minusDays(random.nextInt(1, 16)) : resolved.plusDays(random.nextInt(0, processingDays + 1));
                    write(out, figures, ++number, due.minusDays(processingDays), due, resolved);
                }
                // pending at the end of 2022: received, not resolved
                for (int i = 0; i < figures.resolved() / 100; i++) {
                    LocalDate received = LocalDate.of(2022, 12, 1).plusDays(random.nextInt(0, 31));
                    write(out, figures, ++number, received, received.plusDays(random.nextInt(3, 21)), null);
                }
                // resolved in 2021: another period's figures
                for (int i = 0; i < figures.resolved() / 200; i++) {
                    LocalDate resolved = dayOf(2021);
                    write(out, figures, ++number, resolved.minusDays(10), resolved.plusDays(random.nextInt(-3, 5)), resolved);
                }
                count += number;
            }
        }
        return count;
    }

    private LocalDate dayOf(int year) {
        return LocalDate.ofYearDay(year, random.nextInt(1, LocalDate.of(year, 12, 31).getDayOfYear() + 1));
    }

    private void write(BufferedWriter out, LevelFigures figures, int number, LocalDate received, LocalDate due,
                       LocalDate resolved) throws IOException {
        String unit = figures.units().get(random.nextInt(figures.units().size()));
        out.write(String.format("CB-%s-%06d,%s,\"%s\",%s,%s,%s\n", figures.prefix(), number, figures.level(), unit,
                received, due, resolved == null ? "" : resolved));
    }
}
