package vn.congvu.trust.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBudgetTest {

    @Test
    void linesPastTheBudget_areHeldBack_andCountedInTheNextMinutesFirstLine() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        LogBudget budget = new LogBudget(3, Clock.fixed(start, ZoneOffset.UTC));
        List<Boolean> logged = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            logged.add(budget.next().log());
        }
        assertEquals(List.of(true, true, true, false, false, false, false, false, false, false), logged);

        LogBudget later = new LogBudget(3, Clock.fixed(start, ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            later.next();
        }
        // a minute later: logged again, saying how many were held back
        assertEquals(new LogBudget.Allowance(true, 2), later.next(start.plusSeconds(61)));
    }
}
