/** The province's link to the ministry: what it has sent and what waits. */
@Export
@Version("2.0.0")
package vn.congvu.uplink;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
