/** The national indicator catalog: what every indicator code means, how it breaks down and adds up. */
@Export
@Version("1.0.0")
package vn.congvu.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
