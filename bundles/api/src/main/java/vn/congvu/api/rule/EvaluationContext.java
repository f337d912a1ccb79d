package vn.congvu.api.rule;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.record.Record;

/** What the engine gives a rule module to evaluate: the province, the period and its records. */
@ProviderType
public interface EvaluationContext {

    /** @return the province being evaluated */
    Province province();

    /** @return the period being reported on */
    Period period();

    /**
     * Streams every record of a type the province has imported, one at a time, so that a year of
     * dossiers never has to fit in memory. The module decides which records belong to the period.
     *
     * @param recordType a record type name, one of those the module's descriptor reads
     * @param action     called once per record
     */
    void forEachRecord(String recordType, Consumer<Record> action);
}
