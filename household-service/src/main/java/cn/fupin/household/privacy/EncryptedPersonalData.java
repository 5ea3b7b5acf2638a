package cn.fupin.household.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.SealedColumn;
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

    private final SealedColumns columns;

    EncryptedPersonalData(StoredIdNumbers stored, PersonalDataCipher cipher) {
        this.columns = new SealedColumns(stored, cipher);
    }

    @Bean
    SealedColumns sealedColumns() {
        return columns;
    }

    /** Where the service's sealed personal data is, for sealing it again after a key rotation (platform Resealing). */
    @Bean
    List<SealedColumn> householdSealedColumns() {
        return List.of(SealedColumn.idNumbers("member", "id_number"), SealedColumn.idNumbers("helper", "id_number"),
                SealedColumn.idNumbers("member_correction", "old_id_number"),
                SealedColumn.idNumbers("member_correction", "new_id_number"),
                SealedColumn.text("household", "phone", PERSONAL_TEXT),
                SealedColumn.text("household", "bank_account", PERSONAL_TEXT),
                SealedColumn.text("helper", "phone", PERSONAL_TEXT));
    }

    @Override
    protected List<?> userConverters() {
        return List.of(new SealingIdNumbers(columns), new OpeningIdNumbers(columns), new SealingText(columns),
                new OpeningText(columns));
    }

    @WritingConverter
    record SealingIdNumbers(SealedColumns columns) implements Converter<IdNumber, byte[]> {
        @Override
        public byte[] convert(IdNumber source) {
            return columns.idNumber(source);
        }
    }

    @ReadingConverter
    record OpeningIdNumbers(SealedColumns columns) implements Converter<byte[], IdNumber> {
        @Override
        public IdNumber convert(byte[] source) {
            return columns.openIdNumber(source);
        }
    }

    @WritingConverter
    record SealingText(SealedColumns columns) implements Converter<PersonalText, byte[]> {
        @Override
        public byte[] convert(PersonalText source) {
            return columns.text(source);
        }
    }

    @ReadingConverter
    record OpeningText(SealedColumns columns) implements Converter<byte[], PersonalText> {
        @Override
        public PersonalText convert(byte[] source) {
            return columns.openText(source);
        }
    }
}
