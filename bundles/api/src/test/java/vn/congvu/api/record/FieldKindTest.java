package vn.congvu.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FieldKindTest {

    @Test
    void dates_areReadAsWritten_andNothingElseIsADate() {
        assertEquals(LocalDate.of(2022, 3, 31), FieldKind.DATE.parse("2022-03-31"));
        assertEquals(LocalDate.of(2024, 2, 29), FieldKind.DATE.parse("2024-02-29"));
        for (String notADate : new String[] {"2022-02-30", "2023-02-29", "2022-3-31", "31/03/2022", "2022-13-01", "２０２２-03-31"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FieldKind.DATE.parse(notADate),
                    notADate);
            assertTrue(error.getMessage().contains("is not a date (write yyyy-MM-dd"), error.getMessage());
        }
    }

    @Test
    void everyKind_readsBackWhatItWrites() {
        for (Object value : new Object[] {LocalDate.of(2022, 1, 5), 17L, new BigDecimal("99.50"), "Sở Nội vụ"}) {
            FieldKind kind = value instanceof LocalDate ? FieldKind.DATE : value instanceof Long ? FieldKind.INTEGER
                    : value instanceof BigDecimal ? FieldKind.DECIMAL : FieldKind.TEXT;
            assertEquals(value, kind.parse(kind.format(value)));
        }
    }
}
