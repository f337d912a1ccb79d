package vn.congvu.trust.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.congvu.trust.NodeIdentity;

/**
 * Builds the CA's keys and certificates with BouncyCastle's certificate builders. Keys are ECDSA P-256 from the
 * JDK, signatures SHA256withECDSA; the JDK's providers sign and parse, so BouncyCastle is never registered.
 */
final class CertificateMaker {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    /** 159 random bits: always positive and at most 20 octets, the limit RFC 5280 sets on serial numbers. */
    private static final int SERIAL_BITS = 159;
    /** X.509's upper bound on a common name (ub-common-name). */
    private static final int MAX_COMMON_NAME = 64;

    private final SecureRandom random;

    CertificateMaker(SecureRandom random) {
        this.random = random;
    }

    /** @return a fresh ECDSA P-256 key pair */
    KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    /** @return a random, positive serial number of at most 159 bits */
    BigInteger newSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(SERIAL_BITS, random);
        } while (serial.signum() == 0);
        return serial;
    }

    /**
     * @return the CA's distinguished name
     * @throws IllegalArgumentException if the name is blank, longer than 64 characters or more than one line
     */
    static X500Name caName(String commonName, String organisation) {
        if (commonName == null || commonName.isBlank() || commonName.codePoints().anyMatch(Character::isISOControl)
                || commonName.strip().codePointCount(0, commonName.strip().length()) > MAX_COMMON_NAME) {
            throw new IllegalArgumentException("a CA name is 1 to " + MAX_COMMON_NAME + " characters on one line, "
                    + "such as '" + CertificateAuthority.DEFAULT_NAME + "'");
        }
        return name(commonName.strip(), organisation);
    }

    /** @return a distinguished name written country, organisation, common name, as X.509 names are ordered */
    static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /**
     * @return a self-signed CA certificate that may sign end-entity certificates and CRLs only (path length 0)
     */
    X509Certificate selfSignedCa(KeyPair pair, X500Name subject, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, newSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return sign(builder, pair.getPrivate());
        } catch (CertIOException e) {
            throw new CertificateException("cannot build the CA certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    /**
     * What an end-entity certificate is for.
     *
     * @param subject the subject's distinguished name, for people
     * @param purpose the one extended key usage: client authentication for a province, server for the ministry
     * @param names   the subject alternative names, among them the node's SPIFFE ID
     */
    record Profile(X500Name subject, KeyPurposeId purpose, GeneralNames names) {

        /**
         * @return a province's client certificate: {@code CN=congvu province <code>}, client authentication only,
         *         the province's SPIFFE ID as its one subject alternative name
         * @throws IllegalArgumentException if the code is not two ASCII digits
         */
        static Profile province(String code) {
            if (code == null) {
                throw new IllegalArgumentException("a province code is two digits, not nothing");
            }
            return new Profile(name("congvu province " + code, "congvu"), KeyPurposeId.id_kp_clientAuth,
                    new GeneralNames(spiffe(NodeIdentity.province(code))));
        }

        /**
         * @return the ministry's server certificate: server authentication only, each host as a DNS name or IP
         *         address, and the ministry's SPIFFE ID
         * @throws IllegalArgumentException naming the first host that is neither a DNS name nor an IP address
         */
        static Profile ministry(List<String> hosts) {
            List<String> checked = HostNames.check(hosts);
            List<GeneralName> names = new ArrayList<>(HostNames.generalNames(checked));
            names.add(spiffe(NodeIdentity.ministry()));
            // the common name is for people; X.509 caps it at 64 characters, so a long host name is cut
            String commonName = "congvu ministry " + checked.get(0);
            return new Profile(name(commonName.substring(0, Math.min(commonName.length(), MAX_COMMON_NAME)), "congvu"),
                    KeyPurposeId.id_kp_serverAuth, new GeneralNames(names.toArray(GeneralName[]::new)));
        }

        private static GeneralName spiffe(NodeIdentity identity) {
            return new GeneralName(GeneralName.uniformResourceIdentifier, identity.uri());
        }
    }

    /** @return an end-entity certificate for the profile, signed by the CA */
    X509Certificate endEntity(Profile profile, BigInteger serial, PublicKey subjectKey, Instant notBefore,
            Instant notAfter, X509Certificate ca, PrivateKey caKey) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            // the issuer is copied from the CA certificate byte for byte, so name chaining never depends on encoding
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial,
                    Date.from(notBefore), Date.from(notAfter), profile.subject(), subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.purpose()))
                    .addExtension(Extension.subjectAlternativeName, false, profile.names())
                    // the key identifier alone: naming the CA certificate's serial would break chains on its renewal
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(ca.getPublicKey()))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey));
            return sign(builder, caKey);
        } catch (CertIOException e) {
            throw new CertificateException("cannot build a certificate for " + profile.subject() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException naming the dates when a certificate would expire before it starts, or after
     *                                  the CA certificate that vouches for it
     */
    static void requireWithin(Instant notBefore, Instant notAfter, X509Certificate ca) {
        Instant caExpiry = ca.getNotAfter().toInstant();
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("a certificate must expire (" + notAfter + ") after it starts ("
                    + notBefore + ")");
        }
        if (notAfter.isAfter(caExpiry)) {
            throw new IllegalArgumentException("a certificate valid until " + notAfter + " would outlive the CA "
                    + "certificate (valid until " + caExpiry + "); issue it for fewer days, or create a new CA");
        }
    }

    static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with the CA key: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    }
}
