package vn.congvu.ministry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.Period;
import vn.congvu.api.Report;
import vn.congvu.api.ReportKey;

/** The reports the ministry holds. */
@ProviderType
public interface ReportQueries {

    /** @return the latest revision of every report, by province then period */
    List<ReceivedReport> latestReports();

    /**
     * @param period a period
     * @return the latest periodic report of every province that filed for it, among the units that report the
     *     period (those in force on its last day: {@code Geography}), so that no territory is counted twice
     */
    List<Report> latestFor(Period period);

    /**
     * @param period a period
     * @return the latest periodic reports of the period restated to today's units ({@link Restatement}): one per
     *     unit in force today whose territory reported, ranks left out
     */
    List<Report> restatedFor(Period period);

    /**
     * @param provinceCode a unit in force today
     * @return its annual series, restated to its territory today, oldest first
     */
    List<Restatement.SeriesPoint> series(String provinceCode);

    /** @return what every province node runs, as it last reported, by province */
    List<ProvinceNode> nodes();

    /**
     * Which of a report's modules computed each of its figures, as the nodes running those modules' jars said
     * (what each module declares it produces, kept by the ministry for good: the answer holds after the province
     * has moved to other versions).
     *
     * @param report a stored report
     * @return each indicator code of the report's figures whose module is known, by code, with the module as the
     *     report names it (id, version, jar SHA-256). A code is left out when no node running its module's jar
     *     said what the jar produces (a report filed by a node older than this release maps nothing), or when two
     *     of the report's modules declare it (each computed some of its figures): the caller then names all the
     *     report's modules for that figure
     */
    Map<String, ModuleProvenance> producers(Report report);

    /**
     * @param key a province, period and regime
     * @return the latest revision of that report, if filed
     */
    Optional<ReceivedReport> latest(ReportKey key);
}
