package vn.congvu.api.catalog;

/** How provinces' values of an indicator combine into a national figure. */
public enum Aggregation {
    /** Added up. */
    SUM,
    /** A rate, recomputed from the summed numerator and denominator; never averaged. */
    RATIO,
    /** The largest value. */
    MAX,
    /** Not combined: shown per province (ranks). */
    NONE
}
