package vn.congvu.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaoBangDossiersTest {

    @TempDir
    Path folder;

    @Test
    void write_sameBytesOnEveryRun() throws IOException {
        CaoBangDossiers.write(folder.resolve("a.csv"));
        CaoBangDossiers.write(folder.resolve("b.csv"));

        assertArrayEquals(Files.readAllBytes(folder.resolve("a.csv")), Files.readAllBytes(folder.resolve("b.csv")));
    }

    @Test
    void write_dossiersResolvedIn2022_matchTheReportPerLevel() throws IOException {
        Path file = folder.resolve("hoso.csv");
        CaoBangDossiers.write(file);

        Map<String, long[]> resolvedAndLate = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (!cells[5].isEmpty() && LocalDate.parse(cells[5]).getYear() == 2022) {
                long[] counts = resolvedAndLate.computeIfAbsent(cells[1], level -> new long[2]);
                counts[0]++;
                if (LocalDate.parse(cells[5]).isAfter(LocalDate.parse(cells[4]))) {
                    counts[1]++;
                }
            }
        }

        assertArrayEquals(new long[] {48_447, 240}, resolvedAndLate.get("department"));
        assertArrayEquals(new long[] {12_650, 90}, resolvedAndLate.get("district"));
        assertArrayEquals(new long[] {145_494, 907}, resolvedAndLate.get("commune"));
        assertEquals(3, resolvedAndLate.size());
    }
}
