package cn.fupin.platform.audit;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.audit.AuditKeys;

/**
 * The checkpoints' public key, published beside the event schemas for audit tools (open, as the schemas are): as a
 * JSON Web Key (OKP, Ed25519) and as the X.509 Base64 text the audit verifier takes ({@code --public-key}).
 */
@RestController
public class AuditKeysController {

    private final Map<String, Object> keys;

    public AuditKeysController(AuditProperties properties) {
        PublicKey key = AuditKeys.publicKey(properties.publicKey());
        byte[] encoded = key.getEncoded();
        // an Ed25519 SubjectPublicKeyInfo ends with the 32 bytes of the key itself
        byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        this.keys = Map.of("keys", List.of(Map.of("kty", "OKP", "crv", "Ed25519", "use", "sig", "alg", "EdDSA",
                "kid", AuditKeys.keyId(key), "x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                "spki", AuditKeys.encode(key))));
    }

    @GetMapping(path = "/openapi/events/audit-keys.json", produces = "application/json")
    public Map<String, Object> keys() {
        return keys;
    }
}
