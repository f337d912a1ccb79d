package vn.congvu.console.internal.pages;

/** No page, report or table at the address asked; the message says which, in Vietnamese and English. */
final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotFound(String message) {
        super(message);
    }
}
