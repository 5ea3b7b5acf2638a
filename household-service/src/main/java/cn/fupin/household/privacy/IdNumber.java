package cn.fupin.household.privacy;

import cn.fupin.platform.pii.Masking;

/**
 * A4 证件号码 of a member or helper, normalised. Stored encrypted with its keyed hash in front (see
 * {@code privacy.EncryptedPersonalData}); printed masked, so it cannot reach a log by accident.
 */
public record IdNumber(String value) {

    public static IdNumber of(String value) {
        return value == null ? null : new IdNumber(value);
    }

    @Override
    public String toString() {
        return Masking.idNumber(value);
    }
}
