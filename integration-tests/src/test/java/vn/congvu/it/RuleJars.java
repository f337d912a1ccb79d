package vn.congvu.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds variants of a real rule bundle jar for the swap tests: another version, imports it cannot
 * satisfy, or a changed resource. The classes stay those of the real bundle.
 */
final class RuleJars {

    private RuleJars() {
    }

    /**
     * @param source  the real jar
     * @param target  where to write the variant
     * @param headers manifest headers to set
     * @param entries entries to replace (or add), with their text
     * @return the target
     */
    static Path variant(Path source, Path target, Map<String, String> headers, Map<String, String> entries) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            headers.forEach((name, value) -> manifest.getMainAttributes().put(new Attributes.Name(name), value));
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (entries.containsKey(entry.getName())) {
                        out.write(entries.get(entry.getName()).getBytes(StandardCharsets.UTF_8));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** @return the Bundle-Version the jar declares */
    static String version(Path jar) throws IOException {
        try (InputStream file = Files.newInputStream(jar); JarInputStream in = new JarInputStream(file)) {
            return in.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
    }
}
