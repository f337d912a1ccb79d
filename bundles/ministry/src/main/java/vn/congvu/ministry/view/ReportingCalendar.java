package vn.congvu.ministry.view;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.congvu.api.Period;
import vn.congvu.api.PeriodKind;
import vn.congvu.api.Regime;

/**
 * Which periods each regime expects reports for, and when each is cut off and due: data, set per regime and period
 * kind. A rule is written {@code CUTOFF DUE}: the days of the period's last month its figures are cut off and it is
 * due, a due day smaller than the cut-off day meaning the month after (days past a month's end mean its last day).
 * Nghị định 09/2019/NĐ-CP, Điều 12, cuts a periodic report's figures off on day 14 of the period's last month (14
 * December for a year) and leaves the due date to the regime's issuer; the default, {@code 14 20}, is the 20th.
 */
public final class ReportingCalendar {

    /** Periods in the order they end, a month before the quarter and the quarter before the year it ends with. */
    public static final Comparator<Period> IN_ORDER = Comparator.comparing(Period::lastDay)
            .thenComparing(period -> -period.kind().perYear());

    /** The rule of the decree for a periodic report: cut off on the 14th, due on the 20th of the last month. */
    public static final String DEFAULT_RULE = "14 20";

    private record Rule(int cutOffDay, int dueDay) {
    }

    private final Map<Regime, Map<PeriodKind, Rule>> rules;

    private ReportingCalendar(Map<Regime, Map<PeriodKind, Rule>> rules) {
        this.rules = rules;
    }

    /** @return the default calendar: annual periodic reports, cut off on 14 December, due on 20 December */
    public static ReportingCalendar defaults() {
        return parse(Map.of("periodic.year", DEFAULT_RULE));
    }

    /**
     * @param settings rules by {@code regime.kind} in lower case ({@code periodic.year}, {@code periodic.quarter},
     *                 {@code thematic.month}...), each {@code CUTOFF DUE}; an empty or missing one means that kind
     *                 is not expected
     * @return the calendar
     * @throws IllegalArgumentException naming the setting and what is wrong with it
     */
    public static ReportingCalendar parse(Map<String, String> settings) {
        Map<Regime, Map<PeriodKind, Rule>> rules = new EnumMap<>(Regime.class);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String[] name = setting.getKey().toUpperCase(Locale.ROOT).split("\\.");
            Regime regime;
            PeriodKind kind;
            try {
                regime = Regime.valueOf(name[0]);
                kind = PeriodKind.valueOf(name.length == 2 ? name[1] : "");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reporting calendar: '" + setting.getKey() + "' is not a regime and "
                        + "period kind such as periodic.year or thematic.quarter");
            }
            String value = setting.getValue() == null ? "" : setting.getValue().trim();
            if (value.isEmpty()) {
                continue;
            }
            String[] days = value.split("\\s+");
            if (days.length != 2 || !days[0].matches("\\d{1,2}") || !days[1].matches("\\d{1,2}")
                    || Integer.parseInt(days[0]) < 1 || Integer.parseInt(days[0]) > 31
                    || Integer.parseInt(days[1]) < 1 || Integer.parseInt(days[1]) > 31) {
                throw new IllegalArgumentException("reporting calendar: " + setting.getKey() + " = '" + value
                        + "': write the cut-off day and the due day of the period's last month, each 1 to 31, such as '"
                        + DEFAULT_RULE + "'");
            }
            rules.computeIfAbsent(regime, any -> new EnumMap<>(PeriodKind.class))
                    .put(kind, new Rule(Integer.parseInt(days[0]), Integer.parseInt(days[1])));
        }
        return new ReportingCalendar(rules);
    }

    /**
     * @param regime a regime
     * @param period a period
     * @return when its reports are cut off and due, if the regime expects reports for periods of its kind
     */
    public Optional<Deadline> deadline(Regime regime, Period period) {
        Rule rule = rules.getOrDefault(regime, Map.of()).get(period.kind());
        if (rule == null) {
            return Optional.empty();
        }
        YearMonth last = YearMonth.from(period.lastDay());
        LocalDate cutOff = last.atDay(Math.min(rule.cutOffDay(), last.lengthOfMonth()));
        YearMonth dueMonth = rule.dueDay() >= rule.cutOffDay() ? last : last.plusMonths(1);
        return Optional.of(new Deadline(cutOff, dueMonth.atDay(Math.min(rule.dueDay(), dueMonth.lengthOfMonth()))));
    }

    /**
     * @param regime a regime
     * @param year   a year
     * @return the periods of that year the regime expects reports for, in the order they end (a quarter before the
     *     year it ends with)
     */
    public List<Period> expected(Regime regime, int year) {
        List<Period> periods = new ArrayList<>();
        for (PeriodKind kind : rules.getOrDefault(regime, Map.of()).keySet()) {
            for (int number = 1; number <= kind.perYear(); number++) {
                periods.add(kind == PeriodKind.YEAR ? Period.year(year) : new Period(year, kind, number));
            }
        }
        periods.sort(IN_ORDER);
        return periods;
    }

    /** @return the regimes that expect any report */
    public List<Regime> regimes() {
        return List.copyOf(rules.keySet());
    }
}
