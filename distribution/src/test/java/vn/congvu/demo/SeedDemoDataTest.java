package vn.congvu.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedDemoDataTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"01", "04", "06", "08", "42", "19"})
    void write_sameBytesOnEveryRun(String province) throws IOException {
        List<Path> first = SeedDemoData.write(province, folder.resolve("a"));
        List<Path> second = SeedDemoData.write(province, folder.resolve("b"));

        assertEquals(first.stream().map(Path::getFileName).toList(), second.stream().map(Path::getFileName).toList());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
        }
    }

    @Test
    void countsFor_givesTheArticlesSharesToTwoDecimals() {
        int[] counts = SeedDemoData.countsFor(new BigDecimal("13.34"), new BigDecimal("83.57"), 1500);
        int size = counts[0] + counts[1] + counts[2];

        assertEquals("13.34", share(counts[0], size));
        assertEquals("83.57", share(counts[1], size));
    }

    private static String share(int count, int size) {
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(size), 2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
