/** Figures written the way a Vietnamese reader writes them (48.207; 99,50%). */
@Export
@Version("1.0.0")
package vn.congvu.api.format;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
