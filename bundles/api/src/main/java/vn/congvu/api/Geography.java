package vn.congvu.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Vietnam's provincial-level units on the legal calendar: the 63 until 30 June 2025, the 34 from 1 July 2025
 * (Nghị quyết 202/2025/QH15), which merged into which, and every change of name or kind. Read from the data files
 * {@code provincial-units.tsv} and {@code provincial-mergers.tsv} of this package, which cite their sources.
 *
 * <p>The rule for reports: <b>a report belongs to the units in force on the last day of its period.</b> A period
 * that ends before 1 July 2025 (2025-H1, 2025-Q2, 2025-M06 and every earlier one) is reported by the 63, and stays
 * so for every later revision; a period that ends on or after it (2025, 2025-H2, 2025-Q3 and later) by the 34, the
 * successor reporting its predecessors' territory for the whole period. So every territory is reported exactly
 * once for every period.
 */
public final class Geography {

    private static final Geography OFFICIAL = new Geography(GeographyFiles.units(), GeographyFiles.mergers());
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/yyyy");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    private final List<ProvincialUnit> versions;
    private final List<Merger> mergers;

    Geography(List<ProvincialUnit> versions, List<Merger> mergers) {
        this.versions = List.copyOf(versions);
        this.mergers = List.copyOf(mergers);
    }

    /** @return the official geography (immutable, read once) */
    public static Geography official() {
        return OFFICIAL;
    }

    /** @return every version of every unit, by code then date */
    public List<ProvincialUnit> versions() {
        return versions;
    }

    /** @return every merger, by predecessor */
    public List<Merger> mergers() {
        return mergers;
    }

    /**
     * @param code a two-digit code
     * @param day  a day
     * @return the unit with that code in force on the day
     */
    public Optional<ProvincialUnit> unit(String code, LocalDate day) {
        return versions.stream().filter(unit -> unit.code().equals(code) && unit.validOn(day)).findFirst();
    }

    /** @return the latest version of the code: its name today, or its last name if it ceased */
    public Optional<ProvincialUnit> latest(String code) {
        return versions.stream().filter(unit -> unit.code().equals(code))
                .max(Comparator.comparing(unit -> unit.validFrom() == null ? LocalDate.MIN : unit.validFrom()));
    }

    /**
     * @return the unit's version on the day, or its latest one if it was not in force then (a code that ceased, or
     *     one asked about before congvu's records); empty for a code never on the list
     */
    public Optional<ProvincialUnit> unitOrLatest(String code, LocalDate day) {
        return unit(code, day).or(() -> latest(code));
    }

    /** @return the units in force on the day, by code */
    public List<ProvincialUnit> unitsOn(LocalDate day) {
        return versions.stream().filter(unit -> unit.validOn(day)).toList();
    }

    /** @return the merger that ended the code, if it ended */
    public Optional<Merger> mergerOf(String code) {
        return mergers.stream().filter(merger -> merger.predecessor().equals(code)).findFirst();
    }

    /** @return the codes merged into this one, with their mergers, oldest first */
    public List<Merger> mergersInto(String code) {
        return mergers.stream().filter(merger -> merger.successor().equals(code))
                .sorted(Comparator.comparing(Merger::effective).thenComparing(Merger::predecessor)).toList();
    }

    /** @return the code whose territory holds this code's on the day (itself if in force then) */
    public String successorOn(String code, LocalDate day) {
        String current = code;
        for (int hops = 0; hops < 10; hops++) {
            Optional<Merger> merger = mergerOf(current);
            if (merger.isEmpty() || day.isBefore(merger.get().effective())) {
                return current;
            }
            current = merger.get().successor();
        }
        return current;
    }

    /**
     * Whether a unit may report a period, by the rule in this class's description.
     *
     * @return why not, in Vietnamese and English, when the code is unknown or was not in force on the period's last
     *     day; empty when it may
     */
    public Optional<Problem> reportingProblem(String code, Period period) {
        LocalDate lastDay = period.lastDay();
        if (unit(code, lastDay).isPresent()) {
            return Optional.empty();
        }
        Optional<Merger> merger = mergerOf(code);
        if (merger.isEmpty()) {
            return Optional.of(Problem.permanent("key.province_code", "province.unknown",
                    "Mã tỉnh '" + TextRules.quoted(code, 8) + "' không có trong danh mục đơn vị hành chính cấp tỉnh",
                    "province code '" + TextRules.quoted(code, 8) + "' is not an official provincial code"));
        }
        Merger ended = merger.get();
        String was = latest(code).map(ProvincialUnit::label).orElse(code);
        String into = unit(ended.successor(), ended.effective()).map(ProvincialUnit::label).orElse(ended.successor());
        return Optional.of(Problem.permanent("key.province_code", "province.merged",
                was + " đã hợp nhất vào " + into + " từ ngày " + VIETNAMESE_DATE.format(ended.effective()) + " ("
                        + ended.act() + "); kỳ " + period + " kết thúc sau ngày đó nên do " + into + " báo cáo",
                was + " was merged into " + into + " on " + ENGLISH_DATE.format(ended.effective()) + ", " + ended.act()
                        + "; period " + period + " ends after that day, so " + into + " reports it"));
    }

    /**
     * @return the codes whose territory, on the given day, lies in the unit with this code on {@code today}:
     *     itself and every predecessor merged into it by {@code today}, for restating an earlier period
     */
    public List<String> territoryOf(String code, LocalDate today) {
        List<String> codes = new ArrayList<>();
        codes.add(code);
        for (int i = 0; i < codes.size(); i++) {
            String next = codes.get(i);
            mergersInto(next).stream().filter(merger -> !today.isBefore(merger.effective()))
                    .map(Merger::predecessor).forEach(codes::add);
        }
        return List.copyOf(codes);
    }
}
