/**
 * The ministry's certificate authority: creates the CA, issues province and ministry certificates,
 * revokes them and publishes the certificate revocation list, all as PEM files that openssl and keytool read.
 */
@Export
@Version("1.0.0")
package vn.congvu.trust.pki;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
