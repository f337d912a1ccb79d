package vn.congvu.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The publishers whose rule jars this node installs: the X.509 certificates (PEM or DER, one or more a file,
 * named {@code *.pem}, {@code *.crt} or {@code *.cer}) in a folder of the node's {@code etc/}. The folder is
 * read anew for every jar, so that a publisher added or removed takes effect without a restart.
 */
final class PublisherTrust {

    /** A certificate file larger than this is not a certificate. */
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final int MAX_FILES = 1000;

    /**
     * What the folder holds now.
     *
     * @param folder       the folder read
     * @param certificates the certificates trusted
     * @param unreadable   the files that could not be read as certificates, with the reason
     */
    record Trusted(Path folder, List<X509Certificate> certificates, List<String> unreadable) {
        Trusted {
            certificates = List.copyOf(certificates);
            unreadable = List.copyOf(unreadable);
        }
    }

    private final Path folder;

    PublisherTrust(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** @return the certificates in the folder now; none when the folder is missing */
    Trusted read() {
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Trusted(folder, certificates, unreadable);
        }
        int files = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path file : entries) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer")) || !Files.isRegularFile(file)) {
                    continue;
                }
                if (++files > MAX_FILES) {
                    unreadable.add(folder + " holds more than " + MAX_FILES + " certificate files; the rest are not read");
                    break;
                }
                readInto(file, certificates, unreadable);
            }
        } catch (IOException e) {
            unreadable.add("cannot list " + folder + ": " + e.getMessage());
        }
        return new Trusted(folder, certificates, unreadable);
    }

    private static void readInto(Path file, List<X509Certificate> certificates, List<String> unreadable) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                unreadable.add(file.getFileName() + " is larger than 1 MiB: not a certificate");
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                int before = certificates.size();
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    certificates.add((X509Certificate) certificate);
                }
                if (certificates.size() == before) {
                    unreadable.add(file.getFileName() + " holds no certificate");
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            unreadable.add(file.getFileName() + " is not an X.509 certificate (PEM or DER): " + e.getMessage());
        }
    }
}
