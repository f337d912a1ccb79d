/**
 * A copy of the node's running database, for the node's backup command: what it needs of the store, and nothing of
 * how the store keeps its data.
 */
@Export
@Version("1.0.0")
package vn.congvu.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
