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
}
