package vn.congvu.ministry.internal;

import java.lang.annotation.Annotation;

/**
 * The ministry server's settings as its .cfg file would give them, for tests: a free port, reports not printed.
 */
record MinistrySettings(String host, boolean plaintext, String tls_key, String tls_certificate, String tls_authority,
                        String tls_crl) implements MinistryServer.Config {

    /** On loopback, in plaintext or with the TLS files of a folder (node.key.pem, node.crt.pem, ca.crt.pem, crl.pem). */
    static MinistrySettings loopback(java.nio.file.Path tls) {
        return tls == null ? new MinistrySettings("127.0.0.1", true, "", "", "", "")
                : new MinistrySettings("127.0.0.1", false, tls.resolve("node.key.pem").toString(),
                        tls.resolve("node.crt.pem").toString(), tls.resolve("ca.crt.pem").toString(),
                        tls.resolve("crl.pem").toString());
    }

    @Override
    public int port() {
        return 0;
    }

    @Override
    public boolean print_stored() {
        return false;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return MinistryServer.Config.class;
    }
}
