package vn.congvu.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The control channel between {@code bin/congvu exec|shell|status|stop} and a running node: a Unix domain socket
 * in a folder only the node's user may enter, and length-prefixed frames on it.
 *
 * <pre>
 * client to node:  kind (1 byte) + length (4 bytes) + UTF-8 text
 *                  X script   run Gogo commands in the connection's session
 *                  S          readiness
 *                  Q          stop the node
 *                  C          cancel the long work (import, evaluation) this connection started; sent while a
 *                             script runs (Ctrl-C), answered by that script's end
 * node to client:  H length pid     once, on connecting
 *                  O length bytes   standard output
 *                  E length bytes   standard error
 *                  R code           end of the request, with its exit code
 * </pre>
 */
final class ControlProtocol {

    /** The exit code of a request the node refused (another user; too many connections), as LSB's "no privilege". */
    static final int REFUSED = 4;
    static final byte SCRIPT = 'X';
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';
    static final byte CANCEL = 'C';
    static final byte HELLO = 'H';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte RESULT = 'R';
    /** The longest frame of output a client accepts (the node writes one frame per write of a command). */
    static final int MAX_OUTPUT_FRAME_BYTES = 64 << 20;
    /** The longest request accepted: a script, not a file. */
    static final int MAX_REQUEST_BYTES = 1 << 20;
    /** Unix domain socket paths are limited to 108 bytes on Linux; beyond this one goes to a short folder. */
    private static final int MAX_SOCKET_PATH_BYTES = 100;

    private ControlProtocol() {
    }

    /**
     * @return where the node of a home listens: {@code data/control/node.sock}, or, for a home whose path is too
     *         long for a socket, {@code congvu-control-HASH/node.sock} under the temporary folder, named by the
     *         home's hash so that every user computes the same path (a service with a private /tmp cannot use it)
     */
    static Path socket(Path home) {
        Path inHome = home.resolve("data/control/node.sock");
        if (inHome.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES) {
            return inHome;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(home.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "congvu-control-" + HexFormat.of().formatHex(hash, 0, 8),
                    "node.sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Creates the socket's folder, readable and enterable by this user only; a folder already there must be this
     * user's own real folder (not a link, not someone else's), or a user who made it first would hold the socket.
     *
     * @throws IOException naming the folder, if it cannot be made or is not this user's own
     */
    static void ownerOnlyFolder(Path socket) throws IOException {
        Path folder = socket.getParent();
        Files.createDirectories(folder);
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path probe = Files.createTempFile(folder, "owner", ".probe");
        try {
            if (!attributes.isDirectory() || !attributes.owner().equals(Files.getOwner(probe))) {
                throw new IOException("the control socket's folder " + folder + " is not a folder of the user "
                        + System.getProperty("user.name") + " (owner " + attributes.owner().getName() + "); remove it");
            }
        } finally {
            Files.delete(probe);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * The connection's bytes in. Not {@code Channels.newInputStream}: its streams hold the channel's blocking
     * lock while they wait, so that a cancel could not be written while an answer is being read.
     */
    static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : channel.read(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    /** The connection's bytes out; as {@link #input}, without the blocking lock. */
    static OutputStream output(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    static void writeText(DataOutputStream out, byte kind, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.writeByte(kind);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }
    }

    static void writeResult(DataOutputStream out, int code) throws IOException {
        synchronized (out) {
            out.writeByte(RESULT);
            out.writeInt(code);
            out.flush();
        }
    }

    /** @return the frame's bytes, refusing a frame longer than {@code limit} */
    static byte[] readBytes(DataInputStream in, int limit) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > limit) {
            throw new IOException("a frame of " + length + " bytes (at most " + limit + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** An output stream whose every write becomes one frame of the kind. */
    static OutputStream frames(DataOutputStream out, byte kind) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return;
                }
                synchronized (out) {
                    out.writeByte(kind);
                    out.writeInt(length);
                    out.write(bytes, offset, length);
                    out.flush();
                }
            }
        };
    }
}
