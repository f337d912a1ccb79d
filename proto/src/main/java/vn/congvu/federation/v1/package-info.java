/** Generated messages and stubs of the congvu federation protocol, version 1. */
@Export
@Version("1.1.0")
package vn.congvu.federation.v1;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
