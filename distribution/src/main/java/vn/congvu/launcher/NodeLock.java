package vn.congvu.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one process that owns a node home: it holds a lock on {@code data/node.lock} for as long as it runs (the
 * operating system releases it when the process dies, even by kill -9) and writes its pid to
 * {@code data/node.pid}. A pid file is only ever written by the process that holds the lock, and only removed
 * by it, so no command removes another process's pid file.
 */
final class NodeLock implements AutoCloseable {

    private final Path pidFile;
    private final FileChannel channel;
    private final FileLock lock;

    private NodeLock(Path pidFile, FileChannel channel, FileLock lock) {
        this.pidFile = pidFile;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the home for this process, and writes its pid.
     *
     * @return the lock, or empty if another process holds the home
     * @throws IOException if data/ cannot be written
     */
    static Optional<NodeLock> take(Path home) throws IOException {
        Path data = Files.createDirectories(home.resolve("data"));
        FileChannel channel = FileChannel.open(data.resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        Path pidFile = data.resolve("node.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        return Optional.of(new NodeLock(pidFile, channel, lock));
    }

    /** @return the pid of the process that runs a node in the home, if one does */
    static Optional<Long> holder(Path home) {
        try {
            Optional<NodeLock> mine = take(home);
            if (mine.isPresent()) {
                mine.get().close();
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(home.resolve("data/node.pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.of(-1L); // held, but the pid file is being written or unreadable
        }
    }

    /** Removes this process's pid file and lets the home go. */
    @Override
    public void close() throws IOException {
        try {
            String written = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            if (written.equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } finally {
            lock.release();
            channel.close();
        }
    }
}
