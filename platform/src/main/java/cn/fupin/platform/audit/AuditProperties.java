package cn.fupin.platform.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signed checkpoints of a publishing service's topic ({@link Checkpointer}).
 *
 * @param signingKey the operators' Ed25519 private key, PKCS#8 in Base64
 * @param publicKey its public half, X.509 in Base64: published ({@link AuditKeysController}) for audit tools
 * @param checkpoints when checkpoints are written
 */
@ConfigurationProperties("fupin.audit")
public record AuditProperties(String signingKey, String publicKey, @DefaultValue Checkpoints checkpoints) {

    /**
     * @param enabled whether this instance writes checkpoints (one of all instances does at a time)
     * @param interval how often the checkpointer looks for records it has not covered yet
     */
    public record Checkpoints(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval) {
    }
}
