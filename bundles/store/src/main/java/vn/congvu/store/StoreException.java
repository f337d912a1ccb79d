package vn.congvu.store;

/** The database failed: a broken disk, a full disk, a locked database. Carries what was being done. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param doing what the store was doing, such as "filing report 04/2022/PERIODIC"
     * @param cause the database's error
     */
    public StoreException(String doing, Throwable cause) {
        super(doing + " failed: " + cause.getMessage(), cause);
    }

    /**
     * @return whether the database refused the data itself (SQL states of class 22, a value that does not
     *         fit, or 23, a constraint broken): the same data would fail again, so it is not worth retrying
     */
    public boolean causedByContent() {
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
