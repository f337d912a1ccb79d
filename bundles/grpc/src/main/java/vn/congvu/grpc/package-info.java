/** Builds gRPC servers and channels that own their threads, so that a bundle refresh never strands them. */
@Export
@Version("2.0.0")
package vn.congvu.grpc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
