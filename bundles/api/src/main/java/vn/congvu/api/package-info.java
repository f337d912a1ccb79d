/** The congvu domain model: provinces, periods, reports and indicator values. */
@Export
@Version("1.1.0")
package vn.congvu.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
