package vn.congvu.ministry.view;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import vn.congvu.api.Period;
import vn.congvu.api.Regime;
import vn.congvu.api.ReportKey;

/**
 * The ministry's figures as tables, for the console and the Gogo commands alike. Every method reads the store
 * afresh; arguments are checked by the caller (a province code in force or known, a period already parsed).
 */
@ProviderType
public interface MinistryViews {

    /** @return the reporting calendar in force (deadlines per regime and period kind) */
    ReportingCalendar calendar();

    /** @return the years worth showing: from the earliest report held (or this year) to this year, newest first */
    List<Integer> years();

    /** @return the periods any periodic report is held for, newest first */
    List<Period> periods();

    /**
     * @param regime a regime
     * @param year   a year
     * @return the unit x period matrix: on time, late by N days, refused, missing, not yet due; each cell leading on
     */
    Table completeness(Regime regime, int year);

    /**
     * @param regime a regime
     * @param year   a year
     * @return per expected period: expected, received, on time, late, refused, missing, and the reporting and on-time
     *     rates (DHIS2's definitions), each with its parts
     */
    Table reportingRates(Regime regime, int year);

    /**
     * @param period   a period
     * @param restated false for the units of the period as they reported, true for today's units
     * @return the national table and the table per province (or per unit in force today)
     */
    List<Table> national(Period period, boolean restated);

    /**
     * @param period a period
     * @return provinces ranked by their dossier on-time rate, with its parts
     */
    Table onTimeRanking(Period period);

    /**
     * @param period a period
     * @return staff disciplined nationally, by form
     */
    Table disciplineByForm(Period period);

    /**
     * @param provinceCode a unit's code
     * @return its reports, every revision with its receipt and timeliness, and its refused reports
     */
    List<Table> provinceReports(String provinceCode);

    /**
     * @param provinceCode a unit's code
     * @return the keys of every report it filed, newest period first
     */
    List<ReportKey> reportKeys(String provinceCode);

    /**
     * @param provinceCode a unit in force today
     * @return its annual series restated to its territory today (the merger break marked), and its on-time rate by year
     */
    List<Table> provinceSeries(String provinceCode);

    /**
     * @param key      a report key
     * @param revision a revision, or empty for the latest
     * @return the report's figures (with the module that computed each), findings and modules, the first table's title
     *     naming its receipt; empty if no such report is held
     */
    Optional<List<Table>> report(ReportKey key, Optional<Integer> revision);

    /** @return every province node: modules and versions, signer, last heard from, silent nodes marked */
    Table fleet();
}
