package vn.congvu.api.catalog;

/** What kind of number an indicator's value is. */
public enum ValueType {
    /** A whole number of things, zero or more. */
    COUNT,
    /** A rank among provinces, 1 or more. */
    RANK,
    /** A decimal number (a rate derived from two counts). */
    DECIMAL
}
