/** The congvu domain model: provinces, periods, reports and indicator values. */
@Export
@Version("1.2.0")
package vn.congvu.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
