package vn.congvu.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyException;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes the PEM files that openssl and keytool also read: certificates, private keys and
 * certificate revocation lists.
 *
 * <p>Every failure names the file and what is wrong with it. Files over {@value #MAX_BYTES} bytes are refused
 * before they are read, since no PEM file of ours comes close. Keys and certificates come from the JDK's own
 * providers (BouncyCastle only parses and writes the text), so JSSE uses them without BouncyCastle registered.
 */
public final class Pem {

    /** The largest PEM file read: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private Pem() {
    }

    /**
     * Reads every certificate in a PEM file, in the file's order; other PEM objects in the file are skipped.
     *
     * @param file a PEM file of one or more {@code CERTIFICATE} blocks
     * @return the certificates, at least one
     * @throws IOException          naming the file when it cannot be read, is too large or is not PEM
     * @throws CertificateException naming the file when it holds no certificate or a malformed one
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException, CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Object object : parse(file)) {
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(certificate(factory, holder.getEncoded(), file));
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateException(file + " holds no certificate (no -----BEGIN CERTIFICATE----- block)");
        }
        return List.copyOf(certificates);
    }

    /**
     * Reads the one private key in a PEM file: PKCS#8 ({@code PRIVATE KEY}) or the traditional
     * {@code EC PRIVATE KEY} and {@code RSA PRIVATE KEY} that openssl writes. Encrypted keys are refused.
     *
     * @param file a PEM file holding exactly one unencrypted private key
     * @return the key, from the JDK's providers
     * @throws IOException  naming the file when it cannot be read, is too large or is not PEM
     * @throws KeyException naming the file when it holds no key, several, an encrypted one or an unusable one
     */
    public static PrivateKey readPrivateKey(Path file) throws IOException, KeyException {
        List<PrivateKey> keys = new ArrayList<>();
        // the JDK's providers rather than BouncyCastle's, so that JSSE signs with the key as it would any other
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : parse(file)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (object instanceof PEMKeyPair pair) {
                    // only the private part: a traditional EC key may leave out its public point
                    keys.add(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                    throw new KeyException(file + " holds an encrypted private key; congvu reads unencrypted keys "
                            + "protected by file permissions (decrypt it with: openssl pkey -in " + file + " -out KEY)");
                }
            } catch (IOException | RuntimeException e) {
                throw new KeyException(file + " holds a private key that cannot be used: " + e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new KeyException(file + " holds no private key (no -----BEGIN PRIVATE KEY----- block)");
        }
        if (keys.size() > 1) {
            throw new KeyException(file + " holds " + keys.size() + " private keys; a key file holds exactly one");
        }
        return keys.get(0);
    }

    /**
     * Reads the one certificate revocation list in a PEM file.
     *
     * @param file a PEM file holding one {@code X509 CRL} block
     * @return the CRL, not yet checked against any issuer
     * @throws IOException   naming the file when it cannot be read, is too large or is not PEM
     * @throws CRLException naming the file when it holds no CRL, several, or a malformed one
     */
    public static X509CRL readCrl(Path file) throws IOException, CRLException {
        List<X509CRL> crls = new ArrayList<>();
        for (Object object : parse(file)) {
            if (object instanceof X509CRLHolder holder) {
                try {
                    crls.add((X509CRL) CertificateFactory.getInstance("X.509")
                            .generateCRL(new ByteArrayInputStream(holder.getEncoded())));
                } catch (CertificateException e) {
                    throw new CRLException(file + " holds a malformed CRL: " + e.getMessage(), e);
                }
            }
        }
        if (crls.isEmpty()) {
            throw new CRLException(file + " holds no certificate revocation list (no -----BEGIN X509 CRL----- block)");
        }
        if (crls.size() > 1) {
            throw new CRLException(file + " holds " + crls.size() + " revocation lists; a CRL file holds exactly one");
        }
        return crls.get(0);
    }

    /**
     * Writes PEM objects to a file so that a reader sees either the old file or the whole new one, even after a
     * crash: they are written to a temporary file in the same folder, flushed to disk, and renamed over the file.
     * A {@link PrivateKey} is written as PKCS#8 ({@code PRIVATE KEY}); certificates, CRLs and anything else
     * BouncyCastle's {@link JcaPEMWriter} accepts are written as it writes them.
     *
     * @param file       the file to write or replace; its folder must exist
     * @param secret     whether only the owner may read it (mode {@code rw-------} where the file system has POSIX
     *                   permissions), as for private keys
     * @param pemObjects what to write, in order
     * @throws IOException naming the file when an object cannot be written as PEM or the file cannot be written
     */
    public static void writeAtomically(Path file, boolean secret, Object... pemObjects) throws IOException {
        writeBytesAtomically(file, secret, encode(file, pemObjects));
    }

    /**
     * Writes bytes to a file as {@link #writeAtomically(Path, boolean, Object...)} writes PEM: a reader sees
     * either the old file or the whole new one. For the few plain files kept beside PEM ones, such as a
     * certificate authority's list of revocations.
     *
     * @param file    the file to write or replace; its folder must exist
     * @param secret  whether only the owner may read it (mode {@code rw-------} where supported)
     * @param content the file's whole content
     * @throws IOException naming the file when it cannot be written
     */
    public static void writeBytesAtomically(Path file, boolean secret, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(file.toString(), null, "cannot write it: its folder does not exist");
        }
        Path temporary = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        // the temporary file is created with its final permissions so that a key is never readable, even briefly
        FileAttribute<?>[] attributes = secret && posix() ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
        try {
            try (FileChannel channel = FileChannel.open(temporary,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // on disk before the rename, so a crash never leaves the new name on an empty or partial file
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot replace " + file + " atomically on this file system: " + e.getMessage(), e);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot write " + file + ": " + e, e);
        }
        syncFolder(folder);
    }

    private static byte[] encode(Path file, Object... pemObjects) throws IOException {
        for (int i = 0; i < pemObjects.length; i++) {
            if (pemObjects[i] == null) {
                throw new IOException("cannot write " + file + ": object " + (i + 1) + " of " + pemObjects.length
                        + " to write is null");
            }
        }
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : pemObjects) {
                // JcaPEMWriter alone would write an EC key in openssl's traditional form; PKCS#8 is the standard one
                writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + " as PEM: " + e.getMessage(), e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Makes the rename itself durable; file systems that cannot open a folder (Windows) keep it anyway. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every platform can sync a folder; the rename has happened and readers see the new file
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static List<Object> parse(Path file) throws IOException {
        String text = read(file);
        if (!text.contains("-----BEGIN ")) {
            throw new IOException(file + " is not PEM (no -----BEGIN line); a DER file converts with openssl, "
                    + "e.g. openssl x509 -inform der -in FILE -out FILE.pem");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // PEMParser reports bad base64 or DER as IOException or, for some structures, as runtime exceptions
            throw new IOException(file + " is not valid PEM: " + e.getMessage(), e);
        }
        return objects;
    }

    private static String read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // refused before reading; and one byte past the limit is read so a file that grows meanwhile is refused too
            bytes = Files.size(file) > MAX_BYTES ? null : in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e, e);
        }
        if (bytes == null || bytes.length > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES + " bytes (1 MiB); a congvu PEM file is a few KiB");
        }
        // ISO-8859-1 maps every byte, so explanatory text of any encoding around the PEM blocks never fails to decode
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static X509Certificate certificate(CertificateFactory factory, byte[] der, Path file)
            throws CertificateException {
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new CertificateException(file + " holds a malformed certificate: " + e.getMessage(), e);
        }
    }
}
