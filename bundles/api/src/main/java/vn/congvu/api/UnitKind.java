package vn.congvu.api;

/** The two kinds of provincial-level unit. */
public enum UnitKind {
    /** Tỉnh: a province. */
    TINH("tỉnh"),
    /** Thành phố trực thuộc trung ương: a centrally-governed city. */
    THANH_PHO("thành phố trực thuộc trung ương");

    private final String vietnamese;

    UnitKind(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** @return the kind as the law names it */
    public String vietnamese() {
        return vietnamese;
    }
}
