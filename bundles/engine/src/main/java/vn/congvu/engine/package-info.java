/** The province engine's services: record intake and report filing. */
@Export
@Version("1.2.0")
package vn.congvu.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
