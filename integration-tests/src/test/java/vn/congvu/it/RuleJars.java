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
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds variants of a real rule bundle jar for the swap tests: another version, imports it cannot
 * satisfy, or a changed resource (unsigned: a {@link TestPublisher} signs them); and signed jars changed
 * after signing. The classes stay those of the real bundle.
 */
final class RuleJars {

    private static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+");

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
            manifest.getEntries().clear(); // the source's signature (its entries' digests) does not fit the variant
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                    if (SIGNATURE_FILE.matcher(entry.getName()).matches()) {
                        continue;
                    }
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

    /**
     * Copies a jar byte for byte (its signature too), changing one entry's content or adding an entry: what
     * happens to a signed jar changed on its way.
     *
     * @param source  the signed jar
     * @param target  where to write the copy
     * @param name    the entry to change, or to add when the jar has none of that name
     * @param content its new content
     * @return the target
     */
    static Path tampered(Path source, Path target, String name, byte[] content) throws IOException {
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    out.write(content);
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
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
