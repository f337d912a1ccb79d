package vn.congvu.ministry.internal;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congvu.trust.ProvinceCertificates;

/**
 * Puts the caller's province, from its verified certificate, into every call's context ({@link Caller}); a
 * call over a connection whose certificate was revoked or expired since its handshake is UNAUTHENTICATED
 * before any service sees it. In plaintext every caller is {@link Caller#unverified()}.
 */
final class ProvinceAuthentication implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceAuthentication.class);

    private final ProvinceCertificates certificates;
    private final CertificatesSeen seen;

    /**
     * @param certificates the check of province certificates, or {@code null} in plaintext
     * @param seen         told of every certificate a call came with
     */
    ProvinceAuthentication(ProvinceCertificates certificates, CertificatesSeen seen) {
        this.certificates = certificates;
        this.seen = seen;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        if (certificates == null) {
            return Contexts.interceptCall(Context.current().withValue(Caller.KEY, Caller.unverified()), call, headers, next);
        }
        X509Certificate certificate;
        String province;
        try {
            certificate = peerCertificate(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
            province = ProvinceCertificates.provinceOf(certificate);
            Optional<String> problem = certificates.problemNow(certificate);
            if (problem.isPresent()) {
                throw new CertificateException(problem.get());
            }
        } catch (CertificateException | SSLPeerUnverifiedException e) {
            LOG.warn("Refused a call to {} from {}: {}", call.getMethodDescriptor().getFullMethodName(),
                    call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), e.getMessage());
            call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        seen.saw(province, certificate);
        Caller caller = new Caller(province, certificate.getSerialNumber().toString(16));
        return Contexts.interceptCall(Context.current().withValue(Caller.KEY, caller), call, headers, next);
    }

    private static X509Certificate peerCertificate(SSLSession session) throws SSLPeerUnverifiedException, CertificateException {
        if (session == null) {
            throw new CertificateException("the connection is not TLS");
        }
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            throw new CertificateException("the caller presented no X.509 certificate");
        }
        return certificate;
    }
}
