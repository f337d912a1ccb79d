package vn.congvu.api;

/** How long a reporting period lasts. */
public enum PeriodKind {
    /** A calendar year (năm). */
    YEAR(1, "Y"),
    /** A half year (6 tháng). */
    HALF(2, "H"),
    /** A quarter (quý). */
    QUARTER(4, "Q"),
    /** A month (tháng). */
    MONTH(12, "M");

    private final int perYear;
    private final String letter;

    PeriodKind(int perYear, String letter) {
        this.perYear = perYear;
        this.letter = letter;
    }

    /** @return how many periods of this kind make a year */
    public int perYear() {
        return perYear;
    }

    /** @return the letter used in the written form of a period, such as {@code Q} in {@code 2022-Q3} */
    public String letter() {
        return letter;
    }
}
