package vn.congvu.api.rule;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;
import vn.congvu.api.Province;
import vn.congvu.api.record.Record;

/**
 * What the engine gives a rule module to evaluate: the province, the period and its records. Implemented by
 * the node; a unit test uses {@code vn.congvu.api.testing.RecordsContext} from the test kit
 * ({@code vn.congvu:congvu-api-testkit}).
 */
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
     * <pre>{@code
     * context.forEachRecord(RecordTypes.FEEDBACK.name(), feedback -> {
     *     if (context.period().contains(feedback.date("received"))) { ... }
     * });
     * }</pre>
     *
     * @param recordType a record type name, one of those the module's descriptor reads
     * @param action     called once per record
     * @throws IllegalArgumentException on a node, if the module's descriptor does not list the type in what it
     *                                  {@linkplain ModuleDescriptor#reads() reads} (an error outcome for the
     *                                  module)
     */
    void forEachRecord(String recordType, Consumer<Record> action);
}
