package vn.congvu.uplink.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Every setting of {@code etc/vn.congvu.uplink.cfg}, declared once: where the ministry is, this node's
 * certificate, how patiently to reach the ministry, and how often to tell it what the node runs. Designated
 * by {@link OutboxSender}; {@link MinistryChannels} and {@link InventorySender} read the same settings.
 */
@ObjectClassDefinition(name = "congvu uplink", description = "Where the ministry is, this node's certificate, "
        + "and how patiently reports are delivered (etc/vn.congvu.uplink.cfg)")
public @interface UplinkSettings {

    /** @return the ministry's host */
    @AttributeDefinition(description = "Host name or address of the ministry node; its certificate must name it")
    String ministry_host();

    /** @return the ministry's port */
    @AttributeDefinition(description = "gRPC port of the ministry node")
    int ministry_port();

    /** @return whether to connect without TLS */
    @AttributeDefinition(description = "Connect without TLS (the ministry then believes any caller): only for a "
            + "developer's own machine, against a ministry in plaintext on a loopback address")
    boolean plaintext() default false;

    /** @return this node's private key */
    @AttributeDefinition(description = "This node's private key (PEM), read again when it changes")
    String tls_key() default "";

    /** @return this node's certificate */
    @AttributeDefinition(description = "This node's certificate (PEM, from 'congvu pki CA_DIR province CODE ...'), read "
            + "again when it changes: a rotated certificate is used for new connections without a restart")
    String tls_certificate() default "";

    /** @return the ministry's certificate authority */
    @AttributeDefinition(description = "The ministry CA's certificate (PEM): the ministry's server certificate must be issued by it")
    String tls_authority() default "";

    /** @return seconds one submission may take */
    @AttributeDefinition(description = "Seconds one submission may take before it is retried")
    int deadline_seconds() default 10;

    /** @return the first retry delay */
    @AttributeDefinition(description = "Milliseconds before the first retry; doubled each time")
    long retry_initial_millis() default 500;

    /** @return the longest retry delay while the ministry or the network is in trouble */
    @AttributeDefinition(description = "Longest wait between retries while the ministry cannot be reached, in "
            + "milliseconds; delivery resumes at most this long after the ministry is back")
    long retry_max_millis() default 10_000;

    /** @return the longest retry delay of one report the ministry fails on */
    @AttributeDefinition(description = "Longest wait, in milliseconds, before a report the ministry answered "
            + "with its own error (INTERNAL, UNKNOWN, ...) is tried again; other reports go on meanwhile")
    long retry_key_max_millis() default 600_000;

    /** @return how often an empty outbox is looked at */
    @AttributeDefinition(description = "Milliseconds between looks at an empty outbox")
    long poll_millis() default 500;

    /** @return how often to look for changes */
    @AttributeDefinition(description = "Longest wait, in milliseconds, between looks at the installed rule modules; "
            + "a change is noticed at once, this bounds retries after a failed report")
    long inventory_check_millis() default 1_000;

    /** @return how often to report even without a change */
    @AttributeDefinition(description = "Seconds between inventory reports when nothing changes (heartbeat)")
    long heartbeat_seconds() default 60;
    }
