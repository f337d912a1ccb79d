/**
 * Node identities for mutual TLS: who a certificate says its holder is ({@link vn.congvu.trust.NodeIdentity}),
 * a node's own key and certificate reloaded when their files change, and the checks a ministry and a
 * province make of each other's certificates.
 */
@Export
@Version("1.0.0")
package vn.congvu.trust;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
