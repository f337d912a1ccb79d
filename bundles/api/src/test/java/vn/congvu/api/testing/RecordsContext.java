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
 * An evaluation context over records held in memory, for rule modules' unit tests (published in the api
 * test-jar): {@code new RecordsContext("04", Period.year(2022)).add(RecordTypes.FEEDBACK, "id=1", "received=2022-03-01")}.
 */
public final class RecordsContext implements EvaluationContext {

    private final Province province;
    private final Period period;
    private final List<Record> records = new ArrayList<>();

    /**
     * @param provinceCode the province
     * @param period       the period evaluated
     */
    public RecordsContext(String provinceCode, Period period) {
        this.province = Province.of(provinceCode);
        this.period = period;
    }

    /**
     * Adds a record written as {@code field=value} pairs, read as intake reads a file's cells.
     *
     * @param type   the record type
     * @param fields the fields, such as {@code "received=2022-03-01"}
     * @return this context
     */
    public RecordsContext add(RecordType type, String... fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : fields) {
            int equals = field.indexOf('=');
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
     * @param result         a module's result
     * @param code           an indicator code
     * @param disaggregation a breakdown written {@code name=code,...}, or empty for the total
     * @return the figure, if the result has it
     */
    public static Optional<BigDecimal> value(ModuleResult result, String code, String disaggregation) {
        Disaggregation breakdown = disaggregation.isEmpty() ? Disaggregation.TOTAL : Disaggregation.parse(disaggregation);
        return result.values().stream()
                .filter(value -> value.code().equals(code) && value.disaggregation().equals(breakdown))
                .map(IndicatorValue::value).findFirst();
    }

    /**
     * @param result a module's result
     * @return its findings as {@code rule@unit×count}
     */
    public static List<String> findings(ModuleResult result) {
        return result.findings().stream().map(finding -> finding.ruleId() + "@" + finding.unit() + "x" + finding.count()).toList();
    }
}
