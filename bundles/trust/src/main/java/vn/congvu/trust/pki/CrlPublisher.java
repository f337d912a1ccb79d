package vn.congvu.trust.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import vn.congvu.trust.Pem;

/**
 * Signs and writes the CA's certificate revocation list, {@code crl.pem} (version 2, with BouncyCastle's CRL
 * builder): a CRL number one above the last one, the authority key identifier, and every revocation in
 * {@code revoked.tsv} with its date and reason. Callers hold the CA's lock.
 */
final class CrlPublisher {

    /** How long a CRL is valid when nothing else was chosen. */
    static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

    private final CaFolder folder;
    private final X509Certificate ca;
    private final PrivateKey caKey;
    private final Clock clock;

    CrlPublisher(CaFolder folder, X509Certificate ca, PrivateKey caKey, Clock clock) {
        this.folder = folder;
        this.ca = ca;
        this.caKey = caKey;
        this.clock = clock;
    }

    /** @return the current CRL, signing a first one if {@code crl.pem} is missing */
    X509CRL currentOrNew() throws IOException, GeneralSecurityException {
        return Files.exists(folder.crl()) ? current() : publish(DEFAULT_VALIDITY);
    }

    /**
     * @return the current CRL, checked to be this CA's
     * @throws CRLException naming {@code crl.pem} when it is malformed or signed by another key
     */
    X509CRL current() throws IOException, GeneralSecurityException {
        X509CRL crl = Pem.readCrl(folder.crl());
        try {
            crl.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CRLException(folder.crl() + " is not signed by this CA (" + folder.certificate() + ")", e);
        }
        return crl;
    }

    /** Signs and writes the next CRL, valid as long as the current one was (so an operator's choice stays). */
    X509CRL publish() throws IOException, GeneralSecurityException {
        return publish(Files.exists(folder.crl()) ? validity(current()) : DEFAULT_VALIDITY);
    }

    /** Signs and writes the next CRL, valid from now for {@code validity}. */
    X509CRL publish(Duration validity) throws IOException, GeneralSecurityException {
        BigInteger previous = Files.exists(folder.crl()) ? number(current()) : BigInteger.ZERO;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509CRL crl = sign(previous.add(BigInteger.ONE), now, now.plus(validity), folder.revocations().read().values());
        Pem.writeAtomically(folder.crl(), false, crl);
        return crl;
    }

    /**
     * @param number       the CRL number, one above the previous CRL's
     * @param thisUpdate   when it is signed
     * @param nextUpdate   when relying parties should expect the next one
     * @param revocations  every revocation
     * @return the signed CRL
     */
    private X509CRL sign(BigInteger number, Instant thisUpdate, Instant nextUpdate,
            Collection<RevocationLog.Revocation> revocations) throws GeneralSecurityException {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca, Date.from(thisUpdate))
                    .setNextUpdate(Date.from(nextUpdate))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(number))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.getPublicKey()));
            for (RevocationLog.Revocation revocation : revocations) {
                int code = revocation.reasonCode();
                if (code == CRLReason.unspecified) {
                    // RFC 5280 5.3.1: an unspecified reason is written by leaving the reason code out
                    builder.addCRLEntry(revocation.serial(), Date.from(revocation.at()), (Extensions) null);
                } else {
                    builder.addCRLEntry(revocation.serial(), Date.from(revocation.at()), code);
                }
            }
            return new JcaX509CRLConverter().getCRL(builder.build(CertificateMaker.signer(caKey)));
        } catch (IOException e) {
            throw new CRLException("cannot build the revocation list: " + e.getMessage(), e);
        }
    }

    /**
     * @param crl a CRL this CA signed
     * @return its CRL number, or zero when it has none
     */
    private static BigInteger number(X509CRL crl) throws CRLException {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (extension == null) {
            return BigInteger.ZERO;
        }
        try {
            return ASN1Integer.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getValue();
        } catch (IllegalArgumentException e) {
            throw new CRLException("the CRL's number extension is malformed", e);
        }
    }

    /** @return how long the CRL was valid for, so a re-signed one keeps the interval the operator chose */
    private static Duration validity(X509CRL crl) {
        if (crl.getNextUpdate() == null || !crl.getNextUpdate().after(crl.getThisUpdate())) {
            return DEFAULT_VALIDITY;
        }
        return Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant());
    }
}
