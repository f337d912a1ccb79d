/** Records a province imports (dossiers, feedback, ratings, ...) and the schemas that describe them. */
@Export
@Version("1.1.0")
package vn.congvu.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
