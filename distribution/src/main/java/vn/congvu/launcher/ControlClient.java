package vn.congvu.launcher;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The caller's end of the control channel ({@link ControlProtocol}) to the node running in a home. */
final class ControlClient implements AutoCloseable {

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final long pid;

    private ControlClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(ControlProtocol.input(channel)));
        this.out = new DataOutputStream(ControlProtocol.output(channel));
        if (in.readByte() != ControlProtocol.HELLO) {
            throw new IOException("the control socket did not answer as a congvu node");
        }
        this.pid = Long.parseLong(new String(ControlProtocol.readBytes(in, 64), StandardCharsets.US_ASCII));
    }

    /** @return a connection to the node running in the home, or empty if none listens there */
    static Optional<ControlClient> connect(Path home) throws IOException {
        Path socket = ControlProtocol.socket(home);
        Path folder = socket.getParent();
        if (Files.isDirectory(folder) && !Files.isExecutable(folder)) {
            throw new NotTheOwner("the control socket of " + home + " is in " + folder + ", which only its owner "
                    + Files.getOwner(folder).getName() + " may enter: run this as that user (sudo -u "
                    + Files.getOwner(folder).getName() + " bin/congvu ...)");
        }
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            return Optional.empty(); // a leftover socket of a node that was killed (another user's is refused above)
        }
        return Optional.of(new ControlClient(channel));
    }

    /** @return the pid of the node process (0 when the node refused this connection; {@link #request} then says why) */
    long pid() {
        return pid;
    }

    /**
     * Sends one request and copies the node's output to ours until its end.
     *
     * @return the request's exit code
     */
    int request(byte kind, String text, OutputStream stdout, OutputStream stderr) throws IOException {
        if (pid != 0) {
            ControlProtocol.writeText(out, kind, text);
        } // else the node refused this connection: its reason and exit code follow the greeting
        try (CtrlC ignored = kind == ControlProtocol.SCRIPT && pid != 0 ? new CtrlC(this, stderr) : null) {
            return answer(stdout, stderr);
        }
    }

    /** Sends a cancel: the node stops the long work this connection started, storing nothing. */
    void cancel() throws IOException {
        ControlProtocol.writeText(out, ControlProtocol.CANCEL, "");
    }

    private int answer(OutputStream stdout, OutputStream stderr) throws IOException {
        while (true) {
            byte frame = in.readByte();
            switch (frame) {
                case ControlProtocol.OUT -> write(stdout, ControlProtocol.readBytes(in, ControlProtocol.MAX_OUTPUT_FRAME_BYTES));
                case ControlProtocol.ERR -> write(stderr, ControlProtocol.readBytes(in, ControlProtocol.MAX_OUTPUT_FRAME_BYTES));
                case ControlProtocol.RESULT -> {
                    return in.readInt();
                }
                default -> throw new IOException("the node sent an unknown frame '" + (char) frame + "'");
            }
        }
    }

    private static void write(OutputStream stream, byte[] bytes) throws IOException {
        stream.write(bytes);
        stream.flush();
    }

    /**
     * An interactive shell: each line read is run in one session on the node, with its output; {@code exit}
     * or the end of input ends it.
     *
     * @return 0, or the exit code of the last line when the input is not a terminal (a script piped in)
     */
    int shell(PrintStream stdout, PrintStream stderr) throws IOException {
        if (pid == 0) {
            return request(ControlProtocol.SCRIPT, "", stdout, stderr);
        }
        boolean interactive = System.console() != null;
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int last = GogoSession.OK;
        if (interactive) {
            stdout.println("congvu shell on node " + pid + " (help lists the commands; exit or Ctrl-D ends)");
        }
        while (true) {
            if (interactive) {
                stdout.print("congvu> ");
                stdout.flush();
            }
            String line = lines.readLine();
            if (line == null || line.strip().equals("exit") || line.strip().equals("quit")) {
                return interactive ? GogoSession.OK : last;
            }
            if (!line.isBlank()) {
                last = request(ControlProtocol.SCRIPT, line, stdout, stderr);
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * While a script runs, Ctrl-C asks the node to cancel its work (which then ends the script) instead of
     * ending this client; a second Ctrl-C ends the client at once. Uses the JDK's {@code sun.misc.Signal}, the
     * only way a Java program has to catch SIGINT.
     */
    @SuppressWarnings("sunapi")
    private static final class CtrlC implements AutoCloseable {
        private final sun.misc.Signal signal = new sun.misc.Signal("INT");
        private final sun.misc.SignalHandler before;
        private volatile boolean asked;

        CtrlC(ControlClient client, OutputStream stderr) {
            this.before = sun.misc.Signal.handle(signal, caught -> {
                if (asked) {
                    Runtime.getRuntime().halt(130);
                }
                asked = true;
                try {
                    stderr.write(("\ncongvu: asking the node to cancel this command's import or evaluation (Ctrl-C again leaves at once)\n")
                            .getBytes(StandardCharsets.UTF_8));
                    stderr.flush();
                    client.cancel();
                } catch (IOException e) {
                    Runtime.getRuntime().halt(130);
                }
            });
        }

        @Override
        public void close() {
            sun.misc.Signal.handle(signal, before);
        }
    }
}
