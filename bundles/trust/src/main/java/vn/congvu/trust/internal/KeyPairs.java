package vn.congvu.trust.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Whether a private key and a certificate belong together. */
public final class KeyPairs {

    private static final byte[] PROBE = "congvu key check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /**
     * Signs a probe with the key and verifies it with the certificate's public key: the one check that fits
     * every key type.
     *
     * @return whether they belong together (false also when the key types differ)
     * @throws GeneralSecurityException if the key is of a type congvu does not use (EC, RSA, Ed25519)
     */
    public static boolean match(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("keys of type " + key.getAlgorithm() + " are not supported");
        };
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(PROBE);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(certificate.getPublicKey());
        } catch (InvalidKeyException e) {
            return false;
        }
        verifier.update(PROBE);
        return verifier.verify(signature);
    }
}
