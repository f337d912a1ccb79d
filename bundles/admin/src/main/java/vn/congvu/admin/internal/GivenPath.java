package vn.congvu.admin.internal;

import java.nio.file.Path;

/** A file named in a command, which must be absolute: a running node does not share the caller's current folder. */
final class GivenPath {

    private GivenPath() {
    }

    /**
     * @param given what the operator wrote
     * @param what  what the file is, for the refusal ("FILE", "JAR")
     * @return the path
     * @throws IllegalArgumentException if it is relative, saying how to write it
     */
    static Path absolute(String given, String what) {
        Path path = Path.of(given);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(what + " '" + given + "' is a relative path; give it whole, such as $PWD/"
                    + given + ": the node may run in another folder than your shell (đường dẫn phải đầy đủ)");
        }
        return path.normalize();
    }
}
