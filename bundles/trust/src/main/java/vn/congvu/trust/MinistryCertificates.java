package vn.congvu.trust;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import vn.congvu.trust.internal.Authority;

/**
 * A province node's check of the ministry's server certificate: the JDK's PKIX check against the ministry's
 * certificate authority (signature, dates, extended key usage serverAuth, and the host name the node dialled),
 * and the ministry's identity ({@link NodeIdentity#ministry()}) in the certificate, so that no province's
 * certificate can pose as the ministry.
 */
public final class MinistryCertificates extends X509ExtendedTrustManager {

    private final Authority authority;

    private MinistryCertificates(Authority authority) {
        this.authority = authority;
    }

    /**
     * @param authorityFile the ministry's CA certificate (PEM), read again when it changes
     * @param clock         the time
     * @return the check
     * @throws GeneralSecurityException naming the file and what is wrong
     */
    public static MinistryCertificates load(Path authorityFile, Clock clock) throws GeneralSecurityException {
        return new MinistryCertificates(Authority.load(authorityFile, null, clock));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        authority.pkix().checkServerTrusted(chain, authType, engine);
        requireMinistry(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        authority.pkix().checkServerTrusted(chain, authType, socket);
        requireMinistry(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        authority.pkix().checkServerTrusted(chain, authType);
        requireMinistry(chain);
    }

    private static void requireMinistry(X509Certificate[] chain) throws CertificateException {
        if (!NodeIdentity.of(chain[0]).isMinistry()) {
            throw new CertificateException("the server presented " + NodeIdentity.describe(chain[0])
                    + ", which is not the ministry's certificate");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a province node checks the ministry's certificate only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a province node checks the ministry's certificate only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a province node checks the ministry's certificate only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authority.certificates();
    }
}
