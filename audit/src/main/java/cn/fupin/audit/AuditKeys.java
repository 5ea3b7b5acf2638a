package cn.fupin.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The checkpoints' Ed25519 keys: the operators hold the private key (PKCS#8, Base64), anyone may hold the public one
 * (X.509 SubjectPublicKeyInfo, Base64) and check a checkpoint with it.
 */
public final class AuditKeys {

    private static final String ALGORITHM = "Ed25519";

    private AuditKeys() {
    }

    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64.strip())));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8, Base64", ex);
        }
    }

    public static PublicKey publicKey(String x509Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.strip())));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("not an Ed25519 public key in X.509, Base64", ex);
        }
    }

    /** The public key as it is published: X.509, Base64. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A short name for a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    /** The checkpoint signed: its {@code keyId} must already name the key's public half. */
    public static Checkpoint sign(Checkpoint checkpoint, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(checkpoint.signedText());
            return checkpoint.withSignature(Base64.getEncoder().encodeToString(signer.sign()));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("could not sign checkpoint", ex);
        }
    }

    /** Whether the checkpoint's signature is the key's over its signed text. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        if (checkpoint.signature() == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.signedText());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return false;
        }
    }
}
