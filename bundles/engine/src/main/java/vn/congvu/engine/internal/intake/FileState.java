package vn.congvu.engine.internal.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What tells that a file changed: its size, its modification time and its identity on disk (a file renamed
 * over it is another file). Compared before and after a file is read, and between two looks at the inbox.
 *
 * @param size     bytes
 * @param modified modification time, in the file system's precision
 * @param identity the file system's key of the file (its inode), or its path where there is none
 */
public record FileState(long size, String modified, String identity) {

    /**
     * @param file a file
     * @return its state now
     * @throws IOException if it cannot be looked at (it is gone, say)
     */
    public static FileState of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Object key = attributes.fileKey();
        return new FileState(attributes.size(), attributes.lastModifiedTime().toInstant().toString(),
                key == null ? file.toAbsolutePath().toString() : key.toString());
    }
}
