package vn.congvu.bench.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cao Bằng's records at any size: the dossiers generated (the same spread over levels, units and dates as
 * the province's 2022 report, about 0.6% late), the other record types of the demo data scaled in
 * proportion (copies with their own ids), the province-wide facts (figures, reform tasks) as they are.
 */
final class DataSets {

    /** How many dossiers Cao Bằng resolved in 2022: the demo data's size. */
    static final int DEMO_DOSSIERS = 209_687;
    private static final List<String> KEPT_AS_THEY_ARE = List.of("dossier.csv", "figure.csv", "reform.task.csv");
    private static final String[] DEPARTMENTS = {"Sở Nội vụ", "Sở Y tế", "Sở Tư pháp", "Sở Xây dựng", "Sở Tài chính"};
    private static final String[] DISTRICTS = {"UBND huyện Hòa An", "UBND huyện Bảo Lạc", "UBND thành phố Cao Bằng"};
    private static final String[] COMMUNES = {"UBND xã Bạch Đằng", "UBND xã Hồng Việt", "UBND phường Sông Hiến"};

    private DataSets() {
    }

    /**
     * @param demo     the folder of Cao Bằng's demo records ({@code congvu demo-data 04 FOLDER})
     * @param dossiers how many dossiers
     * @param target   the folder to write
     * @return how many records were written in all
     */
    static long caoBang(Path demo, int dossiers, Path target) throws IOException {
        Files.createDirectories(target);
        long records = writeDossiers(dossiers, target.resolve("dossier.csv"));
        double scale = (double) dossiers / DEMO_DOSSIERS;
        try (Stream<Path> files = Files.list(demo)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.equals("dossier.csv")) {
                    continue;
                }
                if (KEPT_AS_THEY_ARE.contains(name)) {
                    Files.copy(file, target.resolve(name));
                    records += Files.readAllLines(file, StandardCharsets.UTF_8).size() - 1;
                } else if (name.endsWith(".json")) {
                    records += scaleJson(file, scale, target.resolve(name));
                } else {
                    records += scaleCsv(file, scale, target.resolve(name));
                }
            }
        }
        return records;
    }

    private static long writeDossiers(int count, Path file) throws IOException {
        LocalDate start = LocalDate.of(2022, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,level,unit,received,due,resolved\n");
            for (int i = 0; i < count; i++) {
                int bucket = i % 100;
                String level = bucket < 23 ? "department" : bucket < 29 ? "district" : "commune";
                String[] units = bucket < 23 ? DEPARTMENTS : bucket < 29 ? DISTRICTS : COMMUNES;
                LocalDate received = start.plusDays((i * 7919L) % 340);
                LocalDate due = received.plusDays(10);
                LocalDate resolved = received.plusDays(i % 167 == 0 ? 12 : 1 + i % 9);
                out.write(String.format("CB-%08d,%s,\"%s\",%s,%s,%s%n", i, level, units[i % units.length], received, due, resolved));
            }
        }
        return count;
    }

    private static long scaleCsv(Path file, double scale, Path target) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> rows = lines.subList(1, lines.size());
        long wanted = Math.max(1, Math.round(rows.size() * scale));
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.newLine();
            for (long i = 0; i < wanted; i++) {
                String row = rows.get((int) (i % rows.size()));
                long copy = i / rows.size();
                int comma = row.indexOf(',');
                out.write(copy == 0 ? row : row.substring(0, comma) + "-" + copy + row.substring(comma));
                out.newLine();
            }
        }
        return wanted;
    }

    private static long scaleJson(Path file, double scale, Path target) throws IOException {
        List<String> objects = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("{")) {
                objects.add(trimmed.endsWith(",") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            }
        }
        long wanted = Math.max(1, Math.round(objects.size() * scale));
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (long i = 0; i < wanted; i++) {
                String object = objects.get((int) (i % objects.size()));
                long copy = i / objects.size();
                if (copy > 0) {
                    int idEnd = object.indexOf('"', object.indexOf(':') + 3);
                    object = object.substring(0, idEnd) + "-" + copy + object.substring(idEnd);
                }
                out.write("  " + object + (i + 1 < wanted ? ",\n" : "\n"));
            }
            out.write("]\n");
        }
        return wanted;
    }
}
