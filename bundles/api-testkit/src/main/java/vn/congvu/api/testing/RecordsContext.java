package vn.congvu.api.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import vn.congvu.api.Disaggregation;
import vn.congvu.api.Finding;
import vn.congvu.api.IndicatorValue;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.record.FieldSpec;
import vn.congvu.api.record.Record;
import vn.congvu.api.record.RecordType;
import vn.congvu.api.rule.EvaluationContext;
import vn.congvu.api.rule.ModuleResult;

/**
 * An evaluation context over records held in memory, for rule modules' unit tests (the test kit,
 * {@code vn.congvu:congvu-api-testkit}, in test scope):
 * <pre>{@code
 * RecordsContext context = new RecordsContext("10", Period.year(2024))
 *         .add(RecordTypes.FEEDBACK, "id=PA-1", "received=2024-03-01", "resolved=2024-03-05")
 *         .add(RecordTypes.FEEDBACK, "id=PA-2", "received=2024-03-02", "resolved=");      // not resolved
 * ModuleResult result = new FeedbackTimeliness().evaluate(context);
 *
 * assertEquals(Optional.of(BigDecimal.ONE), RecordsContext.value(result, "laocai.feedback.resolved_within_10_days", ""));
 * assertEquals(Optional.of(BigDecimal.TEN), RecordsContext.value(result, "dossier.resolved", "level=commune"));
 * assertEquals(List.of("laocai.feedback.late@-x1"), RecordsContext.findings(result));
 * }</pre>
 * Unlike a node, it streams a module every record of a type whether or not its descriptor
 * {@linkplain vn.congvu.api.rule.ModuleDescriptor#reads() reads} the type, and it does not check the module's
 * figures against the catalog.
 */
public final class RecordsContext implements EvaluationContext {

    private final Province province;
    private final Period period;
    private final List<Record> records = new ArrayList<>();

    /**
     * @param provinceCode the province's official two-digit code, such as {@code "10"}
     * @param period       the period evaluated, such as {@code Period.year(2024)}
     * @throws IllegalArgumentException if the code is not a province code
     */
    public RecordsContext(String provinceCode, Period period) {
        this.province = Province.of(provinceCode);
        this.period = period;
    }

    /**
     * Adds a record written as {@code field=value} pairs, read as intake reads a file's cells: a date as
     * {@code 2022-03-01}, a number with a {@code .} for decimals. A field written with nothing after the
     * {@code =} is empty (absent from the record), as is a field not written.
     *
     * @param type   the record type, such as {@link vn.congvu.api.record.RecordTypes#FEEDBACK}
     * @param fields the fields, such as {@code "received=2022-03-01"}; the text after the first {@code =} is the value
     * @return this context
     * @throws IllegalArgumentException if a field is not written {@code name=value}, the type has no such field,
     *                                  or a value is not of its field's kind
     */
    public RecordsContext add(RecordType type, String... fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : fields) {
            int equals = field.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(type.name() + ": '" + field + "' is not written name=value");
            }
            String name = field.substring(0, equals);
            FieldSpec spec = type.field(name).orElseThrow(() -> new IllegalArgumentException(type.name() + " has no field " + name));
            String text = field.substring(equals + 1);
            if (!text.isEmpty()) {
                values.put(name, spec.kind().parse(text));
            }
        }
        records.add(new Record(type, values));
        return this;
    }

    @Override
    public Province province() {
        return province;
    }

    @Override
    public Period period() {
        return period;
    }

    @Override
    public void forEachRecord(String recordType, Consumer<Record> action) {
        records.stream().filter(record -> record.type().name().equals(recordType)).forEach(action);
    }

    /**
     * One figure of a result, its breakdown written as text:
     * <ul>
     * <li>{@code ""} (or {@code "total"}): the total, {@link Disaggregation#TOTAL};</li>
     * <li>{@code "level=commune"}: broken down by one dimension, {@code name=code};</li>
     * <li>{@code "rule=hanoi.conduct.r3,unit=Sở Tư pháp"}: by several, the pairs joined by {@code ,} with no spaces
     *     (nothing is trimmed: {@code "level = commune"} names the dimension {@code "level "}). The pairs may come
     *     in any order ({@code "unit=Sở Tư pháp,rule=hanoi.conduct.r3"} is the same breakdown); a pair is split at
     *     its first {@code =}, so a code may hold {@code =} but not {@code ,} (for such a code, use
     *     {@link #value(ModuleResult, String, Disaggregation)}).</li>
     * </ul>
     * This is the text form of {@link Disaggregation#toString()} and {@link Disaggregation#parse}, and the
     * dimension names and codes are those of the catalog ({@link vn.congvu.api.CoreIndicators#LEVEL}, ...).
     * A figure with the code but another breakdown is not this one: {@code value(result, "dossier.resolved", "")}
     * is empty when the module reports {@code dossier.resolved} only by level.
     *
     * @param result         a module's result
     * @param code           an indicator code
     * @param disaggregation a breakdown written {@code name=code,...}, or empty for the total
     * @return the figure, if the result has it (a figure counted 0 by {@code Tally.zero} is present, as 0)
     * @throws IllegalArgumentException if the breakdown is not written {@code name=code,...}
     */
    public static Optional<BigDecimal> value(ModuleResult result, String code, String disaggregation) {
        return value(result, code, disaggregation.isEmpty() ? Disaggregation.TOTAL : Disaggregation.parse(disaggregation));
    }

    /**
     * One figure of a result.
     *
     * @param result         a module's result
     * @param code           an indicator code
     * @param disaggregation its breakdown, such as {@code Disaggregation.of("unit", "Phòng Nội vụ, huyện Bảo Thắng")}
     * @return the figure, if the result has it
     */
    public static Optional<BigDecimal> value(ModuleResult result, String code, Disaggregation disaggregation) {
        return result.values().stream()
                .filter(value -> value.code().equals(code) && value.disaggregation().equals(disaggregation))
                .map(IndicatorValue::value).findFirst();
    }

    /**
     * @param result a module's result
     * @return its findings in the module's order, each written {@code <rule id>@<unit>x<count>}, such as
     *         {@code hanoi.conduct.r3@Sở Tư phápx2} or {@code laocai.feedback.late@-x1}
     */
    public static List<String> findings(ModuleResult result) {
        return result.findings().stream().map(finding -> finding.ruleId() + "@" + finding.unit() + "x" + finding.count()).toList();
    }
}
