package vn.congvu.launcher;

import java.io.IOException;

/**
 * This process runs as another user than the one that owns the node home (or runs its node): nothing is done,
 * and the command exits with {@link ControlProtocol#REFUSED}.
 */
final class NotTheOwner extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message who owns the home and how to run the command as that user */
    NotTheOwner(String message) {
        super(message);
    }

    /**
     * @param message who owns the home and how to run the command as that user
     * @param cause   the file system's refusal
     */
    NotTheOwner(String message, Throwable cause) {
        super(message, cause);
    }
}
