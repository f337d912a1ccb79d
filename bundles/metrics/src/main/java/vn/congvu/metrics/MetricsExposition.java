package vn.congvu.metrics;

import java.io.IOException;
import java.io.OutputStream;
import org.osgi.annotation.versioning.ProviderType;

/** The node's metrics as a scraper reads them, in the Prometheus text exposition format (version 0.0.4). */
@ProviderType
public interface MetricsExposition {

    /** @return the media type of what {@link #write(OutputStream)} writes, with its version and charset */
    String contentType();

    /**
     * Writes every metric as it stands now.
     *
     * @param out where to write, UTF-8; not closed
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
}
