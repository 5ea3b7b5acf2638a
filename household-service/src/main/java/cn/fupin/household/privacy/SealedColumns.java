package cn.fupin.household.privacy;

import java.nio.charset.StandardCharsets;

import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.StoredIdNumbers;

/**
 * Personal data as its columns hold it: an ID number sealed behind its keyed hash, a phone or bank account sealed
 * alone. Spring Data's converters write through it ({@link EncryptedPersonalData}), and so does a bulk writer that
 * copies rows past Spring Data.
 */
public final class SealedColumns {

    private final StoredIdNumbers stored;
    private final PersonalDataCipher cipher;

    SealedColumns(StoredIdNumbers stored, PersonalDataCipher cipher) {
        this.stored = stored;
        this.cipher = cipher;
    }

    public byte[] idNumber(IdNumber number) {
        return number == null ? null : stored.store(number.value());
    }

    public byte[] text(PersonalText text) {
        return text == null ? null
                : cipher.seal(text.value().getBytes(StandardCharsets.UTF_8), EncryptedPersonalData.PERSONAL_TEXT);
    }

    IdNumber openIdNumber(byte[] column) {
        return new IdNumber(stored.read(column));
    }

    PersonalText openText(byte[] column) {
        return new PersonalText(new String(cipher.open(column, EncryptedPersonalData.PERSONAL_TEXT),
                StandardCharsets.UTF_8));
    }
}
