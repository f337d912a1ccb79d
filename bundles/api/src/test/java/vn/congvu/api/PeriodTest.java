package vn.congvu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2022,     2022-01-01, 2022-12-31",
        "2022-H2,  2022-07-01, 2022-12-31",
        "2024-Q1,  2024-01-01, 2024-03-31",
        "2024-M02, 2024-02-01, 2024-02-29",
    })
    void parse_writtenForm_coversItsDaysAndWritesBackTheSame(String written, LocalDate first, LocalDate last) {
        Period period = Period.parse(written);

        assertEquals(first, period.firstDay());
        assertEquals(last, period.lastDay());
        assertEquals(written, period.toString());
    }

    @ParameterizedTest
    @CsvSource({"2022-M11, 2022-M12", "2022-M12, 2023-M01", "2022-Q4, 2023-Q1", "2022-H1, 2022-H2", "2022, 2023"})
    void next_followsWithinTheKind(String period, String next) {
        assertEquals(Period.parse(next), Period.parse(period).next());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "22", "2022-Q5", "2022-M13", "2022-X1", "1999"})
    void parse_notAPeriod_namesTheText(String written) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Period.parse(written));

        assertTrue(error.getMessage().contains(written.isEmpty() ? "period" : written.substring(0, 2)),
                error.getMessage());
    }
}
