package vn.congvu.api;

/** Under which reporting regime (chế độ báo cáo) a report is filed. */
public enum Regime {
    /** The periodic public-service culture report (báo cáo định kỳ về văn hóa công vụ). */
    PERIODIC,
    /** A thematic report requested by the ministry (báo cáo chuyên đề). */
    THEMATIC
}
