/**
 * Records a province imports (dossiers, feedback, ratings, ...) and the schemas that describe them.
 * {@link vn.congvu.api.record.RecordTypes#all()} lists the record types and their fields; a module names those it
 * reads in its descriptor and reads each field with {@link vn.congvu.api.record.Record#text},
 * {@link vn.congvu.api.record.Record#date}, {@link vn.congvu.api.record.Record#integer} or
 * {@link vn.congvu.api.record.Record#decimal} (null when the field is empty).
 */
@Export
@Version("1.1.0")
package vn.congvu.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
