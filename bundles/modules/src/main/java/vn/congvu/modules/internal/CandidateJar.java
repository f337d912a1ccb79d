package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What a rule bundle jar says about itself, read without installing it: its name and version, the
 * packages it imports and the Declarative Services components it holds.
 *
 * @param path         where the jar is
 * @param symbolicName its {@code Bundle-SymbolicName}
 * @param version      its {@code Bundle-Version}
 * @param sha256       the SHA-256 of the file
 * @param imports      the packages it imports
 * @param components   its components, from the {@code Service-Component} descriptors
 * @param providesRuleModules whether it declares a {@code RuleModule} service
 */
record CandidateJar(Path path, String symbolicName, Version version, String sha256, List<PackageImport> imports,
                    List<Component> components, boolean providesRuleModules) {

    static final String RULE_MODULE = "vn.congvu.api.rule.RuleModule";
    private static final int MAX_DESCRIPTOR_BYTES = 1 << 20;
    private static final int MAX_COMPONENTS = 256;
    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation\\s+class=\"([^\"]+)\"");

    /**
     * One imported package.
     *
     * @param name     the package
     * @param range    the versions it accepts
     * @param optional whether the bundle resolves without it
     */
    record PackageImport(String name, VersionRange range, boolean optional) {
    }

    /**
     * One Declarative Services component.
     *
     * @param descriptor      its descriptor entry in the jar
     * @param implementation  its class
     * @param usesReferences  whether it needs other services (it then cannot be dry-run alone)
     */
    record Component(String descriptor, String implementation, boolean usesReferences) {
    }

    /**
     * @param jar the file
     * @return what it says about itself
     * @throws InvalidJarException if it is not a bundle jar, in words an operator understands
     */
    static CandidateJar read(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new InvalidJarException(jar + ": no such file");
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) { // the signature is JarSignatures' to check
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                throw new InvalidJarException(jar.getFileName() + " has no META-INF/MANIFEST.MF: it is not an OSGi bundle");
            }
            Attributes main = manifest.getMainAttributes();
            String symbolicName = main.getValue("Bundle-SymbolicName");
            if (symbolicName == null || symbolicName.isBlank()) {
                throw new InvalidJarException(jar.getFileName() + " has no Bundle-SymbolicName: it is not an OSGi bundle");
            }
            symbolicName = ManifestHeaders.parse(symbolicName).get(0).names().get(0);
            Version version;
            try {
                version = Version.parseVersion(main.getValue("Bundle-Version"));
            } catch (IllegalArgumentException e) {
                throw new InvalidJarException(jar.getFileName() + ": Bundle-Version '" + main.getValue("Bundle-Version")
                        + "' is not a version");
            }
            List<PackageImport> imports = new ArrayList<>();
            for (ManifestHeaders.Clause clause : ManifestHeaders.parse(main.getValue("Import-Package"))) {
                String range = clause.parameters().getOrDefault("version", "0.0.0");
                boolean optional = "optional".equals(clause.parameters().get("resolution:"));
                for (String name : clause.names()) {
                    imports.add(new PackageImport(name, new VersionRange(range), optional));
                }
            }
            List<Component> components = new ArrayList<>();
            java.util.Set<String> descriptors = new java.util.LinkedHashSet<>();
            for (ManifestHeaders.Clause clause : ManifestHeaders.parse(main.getValue("Service-Component"))) {
                descriptors.addAll(clause.names());
            }
            if (descriptors.size() > MAX_COMPONENTS) {
                throw new InvalidJarException(jar.getFileName() + " names " + descriptors.size() + " components, more than the "
                        + MAX_COMPONENTS + " a rule jar may hold");
            }
            for (String descriptor : descriptors) {
                ZipEntry entry = file.getEntry(descriptor);
                if (entry == null) {
                    throw new InvalidJarException(jar.getFileName() + " names component " + descriptor
                            + " in Service-Component, but the jar does not hold it");
                }
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readNBytes(MAX_DESCRIPTOR_BYTES + 1); // a jar not yet trusted: read a bounded amount
                }
                if (bytes.length > MAX_DESCRIPTOR_BYTES) {
                    throw new InvalidJarException(jar.getFileName() + ": component " + descriptor + " is larger than 1 MiB");
                }
                String xml = new String(bytes, StandardCharsets.UTF_8);
                Matcher implementation = IMPLEMENTATION.matcher(xml);
                if (!implementation.find()) {
                    throw new InvalidJarException(jar.getFileName() + ": component " + descriptor + " names no class");
                }
                components.add(new Component(descriptor, implementation.group(1), xml.contains("<reference")));
            }
            String provided = main.getValue("Provide-Capability");
            boolean rules = provided != null && provided.contains(RULE_MODULE);
            return new CandidateJar(jar, symbolicName, version, sha256(jar), List.copyOf(imports), List.copyOf(components), rules);
        } catch (IOException | SecurityException e) {
            throw new InvalidJarException(jar.getFileName() + " cannot be read as a jar: " + e.getMessage());
        } catch (InvalidJarException e) {
            throw e;
        } catch (RuntimeException e) {
            // a manifest header that does not parse (a version "abc", an empty name): the jar's fault, said as such
            throw new InvalidJarException(jar.getFileName() + " has a manifest that cannot be read: " + e);
        }
    }

    /** @return the checksum's first 12 digits, enough to tell jars apart in file names and messages */
    String shortSha() {
        return sha256.substring(0, 12);
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A file that is not a bundle jar, or not one that can be read. */
    static final class InvalidJarException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidJarException(String message) {
            super(message);
        }
    }
}
