/** Whether a node is ready, and if not, why: for the shell, the launcher and the health endpoint. */
@Export
@Version("1.0.0")
package vn.congvu.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
