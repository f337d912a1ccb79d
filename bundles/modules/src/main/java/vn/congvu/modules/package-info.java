/** Hot swap of province rule bundles: install, update, roll back, remove and dry-run while the node runs. */
@Export
@Version("2.0.0")
package vn.congvu.modules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
