/** Realistic full reports for load: every catalog indicator with every disaggregation. */
@Export
@Version("1.0.0")
package vn.congvu.bench.reports;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
