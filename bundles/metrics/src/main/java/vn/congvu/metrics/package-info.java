/**
 * What a node counts and times, for its metrics endpoint: the bundles that do the work report it here,
 * through an optional service, and work the same without it.
 */
@Export
@Version("1.0.0")
package vn.congvu.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
