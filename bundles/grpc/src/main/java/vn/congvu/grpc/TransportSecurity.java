package vn.congvu.grpc;

import java.util.Objects;
import java.util.function.LongSupplier;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * How a server or a channel protects its connections: mutual TLS (the default everywhere), or plaintext, which
 * a node uses only when its settings say so explicitly, for a developer's own machine.
 *
 * <p>With mutual TLS a server requires a client certificate that its trust manager accepts, and a channel
 * presents its own certificate and checks the server's. The key manager may change what it presents (a
 * certificate rotated on disk): a channel polls {@link #identityGeneration()} and, when it moves, opens new
 * connections with the new certificate while calls in flight finish on the old ones.
 */
public final class TransportSecurity {

    private static final TransportSecurity PLAINTEXT = new TransportSecurity(null, null, () -> 0);

    private final X509KeyManager keyManager;
    private final X509TrustManager trustManager;
    private final LongSupplier identityGeneration;

    private TransportSecurity(X509KeyManager keyManager, X509TrustManager trustManager, LongSupplier identityGeneration) {
        this.keyManager = keyManager;
        this.trustManager = trustManager;
        this.identityGeneration = identityGeneration;
    }

    /** @return no encryption and no authentication: every caller is believed */
    public static TransportSecurity plaintext() {
        return PLAINTEXT;
    }

    /**
     * @param keyManager         this side's key and certificate
     * @param trustManager       what this side accepts of the other side's certificate; on a server, every client
     *                           must present one it accepts
     * @param identityGeneration a number that changes whenever the key manager's certificate changed; asked
     *                           every few seconds by channels
     * @return mutual TLS with these managers
     */
    public static TransportSecurity mutualTls(X509KeyManager keyManager, X509TrustManager trustManager,
                                              LongSupplier identityGeneration) {
        return new TransportSecurity(Objects.requireNonNull(keyManager, "keyManager"),
                Objects.requireNonNull(trustManager, "trustManager"), Objects.requireNonNull(identityGeneration, "identityGeneration"));
    }

    /**
     * The one rule for plaintext, on both sides: it never leaves the machine.
     *
     * @param host a host name or address
     * @return whether every address it names is a loopback address (127.0.0.1, ::1, localhost); false when it
     *     cannot be looked up
     */
    public static boolean isLoopback(String host) {
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** @return whether connections are plaintext */
    public boolean isPlaintext() {
        return keyManager == null;
    }

    /** @return this side's key and certificate ({@code null} in plaintext) */
    public X509KeyManager keyManager() {
        return keyManager;
    }

    /** @return the check of the other side's certificate ({@code null} in plaintext) */
    public X509TrustManager trustManager() {
        return trustManager;
    }

    /** @return the current generation of this side's certificate */
    public long identityGeneration() {
        return identityGeneration.getAsLong();
    }

    @Override
    public String toString() {
        return isPlaintext() ? "plaintext" : "mutual TLS";
    }
}
