package vn.congvu.trust.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * When a file last changed and how big it was: reading it again is worth it only when this moved.
 *
 * @param modified the last-modified time in nanoseconds since the epoch, or -1 when the file is missing
 * @param size     the size in bytes, or -1 when the file is missing
 */
public record FileStamp(long modified, long size) {

    /** @return the file's stamp now */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), attributes.size());
        } catch (IOException e) {
            return new FileStamp(-1, -1);
        }
    }
}
