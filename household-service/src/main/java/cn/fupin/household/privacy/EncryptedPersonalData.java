package cn.fupin.household.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.StoredIdNumbers;

/**
 * Personal data is written encrypted. ID numbers of members and helpers carry their keyed hash in front for exact
 * search ({@link StoredIdNumbers}; the columns {@code id_number_hash} generated from it carry the unique index and
 * the lookups); phones and bank accounts are sealed alone ({@link PersonalDataCipher}). Spring Data JDBC converts
 * by type, so the aggregates hold an {@link IdNumber} or a {@link PersonalText}, never a bare string.
 */
@Configuration(proxyBeanMethods = false)
class EncryptedPersonalData extends AbstractJdbcConfiguration {

    /** Associated data of sealed phones and accounts: a value sealed for something else does not open as one. */
    static final byte[] PERSONAL_TEXT = "household:personal-text".getBytes(StandardCharsets.UTF_8);

    private final StoredIdNumbers stored;
    private final PersonalDataCipher cipher;

    EncryptedPersonalData(StoredIdNumbers stored, PersonalDataCipher cipher) {
        this.stored = stored;
        this.cipher = cipher;
    }

    @Override
    protected List<?> userConverters() {
        return List.of(new SealingIdNumbers(stored), new OpeningIdNumbers(stored), new SealingText(cipher),
                new OpeningText(cipher));
    }

    @WritingConverter
    record SealingIdNumbers(StoredIdNumbers stored) implements Converter<IdNumber, byte[]> {
        @Override
        public byte[] convert(IdNumber source) {
            return stored.store(source.value());
        }
    }

    @ReadingConverter
    record OpeningIdNumbers(StoredIdNumbers stored) implements Converter<byte[], IdNumber> {
        @Override
        public IdNumber convert(byte[] source) {
            return new IdNumber(stored.read(source));
        }
    }

    @WritingConverter
    record SealingText(PersonalDataCipher cipher) implements Converter<PersonalText, byte[]> {
        @Override
        public byte[] convert(PersonalText source) {
            return cipher.seal(source.value().getBytes(StandardCharsets.UTF_8), PERSONAL_TEXT);
        }
    }

    @ReadingConverter
    record OpeningText(PersonalDataCipher cipher) implements Converter<byte[], PersonalText> {
        @Override
        public PersonalText convert(byte[] source) {
            return new PersonalText(new String(cipher.open(source, PERSONAL_TEXT), StandardCharsets.UTF_8));
        }
    }
}
