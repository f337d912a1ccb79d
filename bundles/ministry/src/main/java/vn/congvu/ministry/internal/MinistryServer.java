package vn.congvu.ministry.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import io.grpc.ServerInterceptor;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.api.Report;
import vn.congvu.grpc.GrpcTransports;
import vn.congvu.grpc.OwnedServer;
import vn.congvu.ministry.ReportText;
import vn.congvu.store.MinistryStore;

/** The ministry's gRPC server. Active only on a node configured as the ministry. */
@Designate(ocd = MinistryServer.Config.class)
@Component(service = MinistryServer.class, immediate = true, configurationPid = "vn.congvu.ministry",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class MinistryServer {

    /** Where to listen. */
    @ObjectClassDefinition(name = "congvu ministry")
    public @interface Config {
        /** @return the address to listen on */
        @AttributeDefinition(description = "Address to listen on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only")
        String host() default "0.0.0.0";

        /** @return the port */
        @AttributeDefinition(description = "gRPC port provinces file with; 0 picks a free one")
        int port() default 7443;

        /** @return whether to serve without TLS */
        @AttributeDefinition(description = "Serve in plaintext, without TLS, believing every caller: only for a developer's "
                + "own machine, and refused unless host is a loopback address")
        boolean plaintext() default false;

        /** @return the ministry's private key */
        @AttributeDefinition(description = "The ministry server's private key (PEM), read again when it changes")
        String tls_key() default "";

        /** @return the ministry's certificate */
        @AttributeDefinition(description = "The ministry server's certificate (PEM, from 'congvu pki CA_DIR ministry'), read again when it changes")
        String tls_certificate() default "";

        /** @return the certificate authority provinces' certificates must come from */
        @AttributeDefinition(description = "The ministry CA's certificate (PEM): province certificates must be issued by it")
        String tls_authority() default "";

        /** @return the revocation list */
        @AttributeDefinition(description = "The ministry CA's revocation list (PEM), read again whenever it changes")
        String tls_crl() default "";

        /** @return whether to log every newly stored report in full */
        @AttributeDefinition(description = "Log every newly stored report in full, as read back from the store")
        boolean print_stored() default true;
    }

    /**
     * A {@link ServerInterceptor} service with this property set to {@code ministry} wraps every call the
     * ministry serves (authentication, auditing, fault injection in tests); the server restarts to take one up.
     */
    public static final String INTERCEPTOR_PROPERTY = "congvu.grpc.server";

    private static final Logger LOG = LoggerFactory.getLogger(MinistryServer.class);
    /**
     * Request bytes of reports handled at once. Checking a report allocates about 50 times its size (see
     * BENCHMARKS.md), so this keeps the heap that validation needs around 2 GB at worst; past it, senders are
     * asked to come back (RESOURCE_EXHAUSTED with a retry delay). Two 16 MiB reports, or thousands of
     * ordinary ones, fit at once.
     */
    private static final int REPORTS_IN_FLIGHT_KIB = 40 * 1024;
    private static final int INVENTORIES_IN_FLIGHT_KIB = 8 * 1024;

    private final StoreHealth health;
    private final OwnedServer server;

    /**
     * @param config     where to listen
     * @param store      where reports are kept
     * @param transports   builds the server
     * @param interceptors interceptors registered for the ministry's server
     * @throws IOException if the port cannot be bound
     * @throws java.security.GeneralSecurityException if a TLS file cannot be used, naming it
     */
    @Activate
    public MinistryServer(Config config, @Reference MinistryStore store, @Reference GrpcTransports transports,
                          @Reference(target = "(" + INTERCEPTOR_PROPERTY + "=ministry)", cardinality = ReferenceCardinality.MULTIPLE,
                                  policyOption = ReferencePolicyOption.GREEDY) List<ServerInterceptor> interceptors)
            throws IOException, java.security.GeneralSecurityException {
        ReportingEndpoint endpoint = new ReportingEndpoint(store, Clock.systemUTC(),
                config.print_stored() ? report -> printStored(store, report) : report -> { });
        MinistryTls tls = MinistryTls.from(config);
        List<ServerInterceptor> all = new ArrayList<>(interceptors);
        // the last is called first: nothing runs before the caller is known
        all.add(new ProvinceAuthentication(tls.provinces(), new CertificatesSeen(store, Clock.systemUTC())));
        this.health = new StoreHealth(store);
        try {
            this.server = transports.startServer(new InetSocketAddress(config.host(), config.port()), tls.security(),
                    List.of(ParsingUnaryService.reporting(endpoint, REPORTS_IN_FLIGHT_KIB),
                            ParsingUnaryService.catalog(new CatalogEndpoint()),
                            ParsingUnaryService.node(new NodeEndpoint(store), INVENTORIES_IN_FLIGHT_KIB),
                            health.service(), ProtoReflectionServiceV1.newInstance()), all);
        } catch (IOException e) {
            health.close();
            throw new IOException("port = " + config.port() + ": the ministry cannot listen on " + config.host() + ":"
                    + config.port() + " (" + e.getMessage() + "; is another program using the port? 'ss -ltnp' shows it)", e);
        } catch (RuntimeException e) {
            health.close();
            throw e;
        }
        LOG.info("Ministry accepting reports on {}:{} ({})", config.host(), server.port(), tls.security());
    }

    /** @return the port the server listens on */
    public int port() {
        return server.port();
    }

    /** Stops accepting reports; calls in flight finish first. */
    @Deactivate
    public void close() {
        health.close();
        server.close();
        LOG.info("Ministry stopped accepting reports");
    }

    private static void printStored(MinistryStore store, Report report) {
        store.latest(report.key()).ifPresent(stored -> LOG.info("{}", String.join(System.lineSeparator(),
                ReportText.lines(StoredValues.received(stored), new StoredReportQueries(store).producers(stored.report())))));
    }
}
