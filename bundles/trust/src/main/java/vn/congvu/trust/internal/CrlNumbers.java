package vn.congvu.trust.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The CRL number of a revocation list (RFC 5280, 5.2.3): it grows with every list the CA signs. */
final class CrlNumbers {

    private CrlNumbers() {
    }

    /**
     * @return the list's number, or {@code null} if it carries none
     * @throws CRLException if the extension is there but unreadable
     */
    static BigInteger of(X509CRL crl) throws CRLException {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (extension == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension)).getValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new CRLException("unreadable CRL number: " + e.getMessage(), e);
        }
    }
}
