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
        requireOwner(home);
        Path data = home.resolve("data");
        FileChannel channel;
        try {
            Files.createDirectories(data);
            channel = FileChannel.open(data.resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new NotTheOwner("the user " + System.getProperty("user.name") + " may not write " + e.getFile()
                    + "; a node home belongs to the user that runs its node (chown -R that user " + home + ")", e);
        }
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

    /**
     * A node runs as the user that owns its home: run by anyone else (root, say) it would leave files that user
     * cannot write (the bundle cache, the database), and the node would not start again as its own user.
     *
     * @throws IOException naming the owner, if this process runs as another user
     */
    private static void requireOwner(Path home) throws IOException {
        java.nio.file.attribute.UserPrincipal owner = Files.getOwner(home);
        java.nio.file.attribute.UserPrincipal self = Files.getOwner(Path.of("/proc/self"));
        if (!owner.equals(self)) {
            throw new NotTheOwner(home + " belongs to the user " + owner.getName() + ", and a node runs as the user that "
                    + "owns its home; run this as " + owner.getName() + " (sudo -u " + owner.getName() + " bin/congvu ...), "
                    + "or give the home to the user that runs it (chown -R)");
        }
    }

    /**
     * Looks without touching anything (no lock taken, no file written), so that {@code status} run as another user,
     * or at the moment a node starts, never gets in the node's way.
     *
     * @return the pid of the live process whose pid file the home holds, if there is one
     */
    static Optional<Long> holder(Path home) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("data/node.pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no pid file (no node, or one starting): the control socket says the rest
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
