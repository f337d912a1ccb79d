package vn.congvu.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.IndicatorValue;

/** Property-based (QuickTheories: generated cases, shrunk to the smallest failing one) and example tests. */
class TextCodecTest {

    /**
     * Texts made of ASCII, control characters included (the separators and escape characters of both codecs
     * are among them), mixed with texts of any Unicode character.
     */
    private static final Gen<String> AWKWARD_TEXTS = strings().betweenCodePoints(0x00, 0x7F).ofLengthBetween(0, 12)
            .mix(strings().allPossible().ofLengthBetween(0, 20));
    private static final Gen<List<String>> ROWS = lists().of(AWKWARD_TEXTS).ofSizeBetween(1, 8);

    @Test
    void lines_anyRow_readsBackAsWritten() {
        qt().withExamples(2_000).forAll(ROWS).checkAssert(fields -> assertEquals(fields,
                TextCodec.LINES.fields(TextCodec.LINES.appendRow(new StringBuilder(), fields).toString())));
    }

    @Test
    void records_anyRow_readsBackAsWritten() {
        qt().withExamples(2_000).forAll(ROWS).checkAssert(fields -> assertEquals(fields,
                TextCodec.RECORDS.fields(TextCodec.RECORDS.appendRow(new StringBuilder(), fields).toString())));
    }

    @Test
    void lines_anyRows_readBackAsWritten() {
        qt().withExamples(1_000).forAll(lists().of(ROWS).ofSizeBetween(0, 6)).checkAssert(rows -> assertEquals(rows,
                TextCodec.LINES.readRows(TextCodec.LINES.rows(rows))));
    }

    @Test
    void encodedRow_neverHoldsARawRowSeparator() {
        qt().withExamples(2_000).forAll(ROWS).checkAssert(fields -> assertEquals(-1,
                TextCodec.RECORDS.appendRow(new StringBuilder(), fields).indexOf(String.valueOf(TextCodec.ROW_SEPARATOR))));
    }

    @Test
    void values_codesWithCommasAndEquals_readBack() {
        List<IndicatorValue> values = List.of(
                new IndicatorValue("inspection.units", new Disaggregation(Map.of("unit", "UBND xã Tân Lập, huyện Đan Phượng",
                        "rule", "a=b\tc\\n")), new BigDecimal("3")),
                IndicatorValue.count("dossier.resolved", Disaggregation.TOTAL, 48_447));
        assertEquals(values, ReportRows.decodeValues(ReportRows.encodeValues(values)));
    }

    @Test
    void values_writtenBeforeTheCodec_stillRead() {
        String written = "dossier.resolved\tlevel=district,authority=province\t297\ndossier.received\ttotal\t48447\n";
        assertEquals(List.of(
                        new IndicatorValue("dossier.resolved", new Disaggregation(Map.of("level", "district", "authority", "province")),
                                new BigDecimal("297")),
                        IndicatorValue.count("dossier.received", Disaggregation.TOTAL, 48_447)),
                ReportRows.decodeValues(written));
    }

    @Test
    void records_writtenBeforeTheCodec_readTheSame() {
        assertEquals(List.of("HS-1", "Sở Tài chính", "C:\\hồ sơ", ""), TextCodec.RECORDS.fields("HS-1\u001FSở Tài chính\u001FC:\\hồ sơ\u001F"));
    }
}
