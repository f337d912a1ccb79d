/** Translation between the protocol's messages and the domain model of {@code vn.congvu.api}. */
@Export
@Version("1.0.0")
package vn.congvu.proto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
