package vn.congvu.uplink.internal;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.grpc.OwnedChannel;
import vn.congvu.grpc.TransportSecurity;
import vn.congvu.trust.MinistryCertificates;
import vn.congvu.trust.NodeCredentials;

/**
 * Where the ministry is and how this node proves who it is: opens the channels the outbox and the inventory
 * are sent over. Mutual TLS by default (this node's key and certificate, reloaded when their files change,
 * and the ministry's certificate checked against the ministry's CA and the host name); plaintext only when
 * {@code plaintext = true} says so, with a warning at every start.
 */
@Component(service = MinistryChannels.class, configurationPid = "vn.congvu.uplink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class MinistryChannels {

    private static final Logger LOG = LoggerFactory.getLogger(MinistryChannels.class);

    private final GrpcTransports transports;
    private final InetSocketAddress ministry;
    private final TransportSecurity security;

    /**
     * @param config     the ministry's address and this node's certificate
     * @param transports builds the channels
     * @throws IllegalArgumentException naming the setting, if the configuration is unusable
     * @throws GeneralSecurityException naming the file, if a certificate or key cannot be used
     */
    @Activate
    public MinistryChannels(UplinkSettings config, @Reference GrpcTransports transports) throws GeneralSecurityException {
        if (config.ministry_host() == null || config.ministry_host().isBlank()) {
            throw new IllegalArgumentException("uplink: ministry.host is empty");
        }
        if (config.ministry_port() < 1 || config.ministry_port() > 65_535) {
            throw new IllegalArgumentException("uplink: ministry.port " + config.ministry_port() + " is not a port");
        }
        this.transports = transports;
        this.ministry = InetSocketAddress.createUnresolved(config.ministry_host(), config.ministry_port());
        this.security = security(config);
        LOG.info("The ministry is at {}:{} ({})", config.ministry_host(), config.ministry_port(), security);
    }

    private static TransportSecurity security(UplinkSettings config) throws GeneralSecurityException {
        if (config.plaintext()) {
            if (!TransportSecurity.isLoopback(config.ministry_host())) {
                throw new IllegalArgumentException("uplink: plaintext = true is allowed only to a ministry on this machine "
                        + "(a loopback address), not to ministry.host = " + config.ministry_host()
                        + ": reports must not cross a network unencrypted. Set plaintext = false and the tls.* files");
            }
            LOG.warn("PLAINTEXT: reports go to the ministry unencrypted, and the ministry cannot tell this node from "
                    + "any other; for a developer's own machine only (plaintext = true in etc/vn.congvu.uplink.cfg)");
            return TransportSecurity.plaintext();
        }
        List<String> missing = new ArrayList<>();
        for (String[] setting : new String[][] {{config.tls_key(), "tls.key"}, {config.tls_certificate(), "tls.certificate"},
                {config.tls_authority(), "tls.authority"}}) {
            if (setting[0] == null || setting[0].isBlank()) {
                missing.add(setting[1]);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("uplink: mutual TLS needs " + String.join(", ", missing)
                    + " in etc/vn.congvu.uplink.cfg (the README's Security section says how to get them)");
        }
        Clock clock = Clock.systemUTC();
        NodeCredentials credentials = NodeCredentials.load(Path.of(config.tls_key()), Path.of(config.tls_certificate()), clock);
        MinistryCertificates ministry = MinistryCertificates.load(Path.of(config.tls_authority()), clock);
        return TransportSecurity.mutualTls(credentials, ministry, credentials::refresh);
    }

    /** @return a new channel to the ministry; the caller closes it */
    public OwnedChannel open() {
        return transports.openChannel(ministry, security);
    }

    @Override
    public String toString() {
        return ministry.getHostString() + ":" + ministry.getPort() + " (" + security + ")";
    }
}
