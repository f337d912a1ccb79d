/** The node's durable storage: what the province imports and files, and what the ministry receives. */
@Export
@Version("4.0.0")
package vn.congvu.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
