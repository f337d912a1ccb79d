package vn.congvu.api.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;

class TallyTest {

    @Test
    void values_countsAddUpAndDeclaredZerosAreReported() {
        Tally tally = new Tally()
                .increment("staff.disciplined", Disaggregation.of("discipline_form", "warning"))
                .add("staff.disciplined", Disaggregation.of("discipline_form", "warning"), 2)
                .zero("staff.disciplined.conduct_code", Disaggregation.TOTAL);

        assertEquals(List.of(
                IndicatorValue.count("staff.disciplined", Disaggregation.of("discipline_form", "warning"), 3),
                IndicatorValue.count("staff.disciplined.conduct_code", Disaggregation.TOTAL, 0)), tally.values());
        assertEquals(3, tally.get("staff.disciplined", Disaggregation.of("discipline_form", "warning")));
    }
}
