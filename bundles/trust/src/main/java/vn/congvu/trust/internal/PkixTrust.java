package vn.congvu.trust.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's own PKIX trust manager over the given certificate authorities: chain building and signatures,
 * validity dates, key usage and extended key usage for the side being checked (a client certificate must
 * allow clientAuth, a server's serverAuth), and the server's host name when a client checks it.
 */
public final class PkixTrust {

    private PkixTrust() {
    }

    /**
     * @param authorities the certificate authorities trusted
     * @return the JDK's trust manager over them (revocation is checked by congvu, against its own list)
     * @throws GeneralSecurityException if the JDK has no PKIX trust manager
     */
    public static X509ExtendedTrustManager over(List<X509Certificate> authorities) throws GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        for (int i = 0; i < authorities.size(); i++) {
            anchors.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK's PKIX trust manager factory gave no X509ExtendedTrustManager");
    }
}
