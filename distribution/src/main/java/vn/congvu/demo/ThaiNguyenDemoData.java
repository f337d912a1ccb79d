package vn.congvu.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo records of Thái Nguyên (19) for 2026, its first full year with Bắc Kạn's territory (Nghị quyết
 * 202/2025/QH15). No source document gives these figures: every number here is illustrative, chosen only so that
 * the demo files a 2026 report on the 34-province map and Thái Nguyên's series runs across the merger.
 */
final class ThaiNguyenDemoData {

    /** Staff rated in 2026 per category: excellent, good, completed, not completed (illustrative). */
    private static final Object[][] RATINGS = {
        {"civil_servant", 480, 2_520, 90, 10},
        {"public_employee", 1_150, 3_380, 150, 20},
        {"commune_official", 260, 1_690, 45, 5},
    };
    /** Discipline decisions of 2026 by form, among the forms in force after Nghị định 172/2025/NĐ-CP. */
    private static final Object[][] DISCIPLINE = {{"reprimand", 9}, {"warning", 12}, {"removal", 2}};
    private static final int INSPECTIONS = 38;

    private ThaiNguyenDemoData() {
    }

    static List<Path> write(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        List<String> ratings = new ArrayList<>(List.of("id,staff_id,year,staff_category,grade,unit"));
        String[] grades = {"excellent", "good", "completed", "not_completed"};
        int id = 0;
        for (Object[] category : RATINGS) {
            for (int grade = 0; grade < grades.length; grade++) {
                for (int i = 0; i < (Integer) category[grade + 1]; i++) {
                    id++;
                    ratings.add(String.format("TN-DG-%06d,TN-%06d,2026,%s,%s,", id, id, category[0], grades[grade]));
                }
            }
        }
        files.add(write(folder.resolve("rating.csv"), ratings));
        List<String> discipline = new ArrayList<>(List.of("id,staff_id,decided,form"));
        id = 0;
        for (Object[] form : DISCIPLINE) {
            for (int i = 0; i < (Integer) form[1]; i++) {
                id++;
                discipline.add(String.format("TN-KL-%03d,TN-%06d,2026-%02d-%02d,%s", id, id * 7, 1 + id % 11, 1 + id % 27, form[0]));
            }
        }
        files.add(write(folder.resolve("discipline.csv"), discipline));
        List<String> inspections = new ArrayList<>(List.of("id,date,unit,level,kind"));
        for (int i = 1; i <= INSPECTIONS; i++) {
            inspections.add(String.format("TN-KT-%03d,2026-%02d-%02d,\"Đơn vị được kiểm tra số %d\",%s,planned", i,
                    1 + i % 11, 1 + i % 27, i, i % 2 == 0 ? "department" : "commune"));
        }
        files.add(write(folder.resolve("inspection.csv"), inspections));
        return files;
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
