/**
 * The national indicator catalog: what every indicator code means, how it breaks down and adds up.
 * {@link vn.congvu.api.catalog.NationalCatalog#indicators()} lists the codes a rule module may report;
 * {@link vn.congvu.api.catalog.CatalogCheck} is the check every report passes before it is filed and again at
 * the ministry; {@link vn.congvu.api.catalog.Indicator#extensionCount} defines a module's own indicator.
 */
@Export
@Version("1.0.0")
package vn.congvu.api.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
