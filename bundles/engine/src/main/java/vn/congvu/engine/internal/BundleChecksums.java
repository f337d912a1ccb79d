package vn.congvu.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * The SHA-256 a report names for a rule bundle: that of its jar file when the bundle was installed from a
 * file (the same figure {@code sha256sum deploy/x.jar} prints), otherwise a digest of its entries.
 */
final class BundleChecksums {

    private BundleChecksums() {
    }

    static String sha256(Bundle bundle) {
        String location = bundle.getLocation().replaceFirst("^reference:", "");
        if (location.startsWith("file:")) {
            try (InputStream in = new URL(location).openStream()) {
                return digest(List.of(in));
            } catch (IOException e) {
                // the file moved since install: fall back to the entries, which the framework still has
            }
        }
        List<URL> entries = new ArrayList<>();
        Enumeration<URL> found = bundle.findEntries("/", "*", true);
        if (found != null) {
            entries.addAll(Collections.list(found));
        }
        entries.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        List<InputStream> streams = new ArrayList<>();
        try {
            for (URL entry : entries) {
                if (!entry.getPath().endsWith("/")) {
                    streams.add(entry.openStream());
                }
            }
            return digest(streams);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundle " + bundle.getSymbolicName() + " to checksum it", e);
        } finally {
            streams.forEach(stream -> {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // reading is done
                }
            });
        }
    }

    private static String digest(List<InputStream> streams) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (InputStream stream : streams) {
                try (DigestInputStream in = new DigestInputStream(stream, digest)) {
                    while (in.read(buffer) != -1) {
                        // the digest reads as it goes
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
