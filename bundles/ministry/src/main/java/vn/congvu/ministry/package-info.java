/** What the ministry holds: queries over the reports provinces filed, and their presentation. */
@Export
@Version("2.0.0")
package vn.congvu.ministry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
