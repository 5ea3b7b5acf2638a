package cn.fupin.platform.pii;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data ({@code fupin.pii}). The defaults in fupin-platform-defaults.yml serve the local demo
 * only; a real deployment sets them from its secret store.
 *
 * @param idHashKey key of the keyed hash of ID numbers, the same in every service ({@code FUPIN_ID_HASH_KEY})
 * @param idHashKeyPrevious during a rotation of that key, the key it replaces ({@code FUPIN_ID_HASH_KEY_PREVIOUS});
 *        otherwise blank
 * @param encryptionKeys AES-256 keys by number, Base64; old keys stay to open what they sealed; a blank one is no key
 *        (the slot of a rotation's other key, {@code FUPIN_PII_KEY_2}, while there is none)
 * @param encryptionKeyCurrent the number of the key that seals new values
 */
@ConfigurationProperties("fupin.pii")
public record PiiProperties(String idHashKey, String idHashKeyPrevious, Map<Integer, String> encryptionKeys,
        int encryptionKeyCurrent) {

    public PiiProperties {
        encryptionKeys = encryptionKeys == null ? Map.of()
                : encryptionKeys.entrySet().stream().filter(key -> key.getValue() != null && !key.getValue().isBlank())
                        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
