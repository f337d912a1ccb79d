package vn.congvu.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseNumbersTest {

    @ParameterizedTest
    @CsvSource({"48207, 48.207", "145494, 145.494", "96, 96", "0, 0", "1731000, 1.731.000"})
    void count_groupsThousandsWithDots(long count, String written) {
        assertEquals(written, VietnameseNumbers.count(count));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "48207; 48447; 99,50%",
        "12560; 12650; 99,29%",
        "144587; 145494; 99,38%",
        "55; 59; 93,22%",
        "17700; 18897; 93,67%",
        "0; 0; -",
    })
    void percent_twoDecimalsAfterAComma(long part, long whole, String written) {
        assertEquals(written, VietnameseNumbers.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"47; 703; 1; 6,7%", "47; 703; 0; 7%", "47; 703; 3; 6,686%", "1; 0; 1; -"})
    void percent_withTheDecimalsADocumentUses(long part, long whole, int decimals, String written) {
        assertEquals(written, VietnameseNumbers.percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole), decimals));
    }
}
