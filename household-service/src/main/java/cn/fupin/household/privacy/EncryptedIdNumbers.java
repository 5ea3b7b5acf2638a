package cn.fupin.household.privacy;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;

import cn.fupin.household.household.IdNumber;
import cn.fupin.platform.pii.StoredIdNumbers;

/**
 * ID numbers of members and helpers are written encrypted, with their keyed hash in front for exact search
 * ({@link StoredIdNumbers}); the columns {@code id_number_hash} generated from it carry the unique index and the
 * lookups. Spring Data JDBC converts by type, so the aggregates hold an {@link IdNumber}, never a bare string.
 */
@Configuration(proxyBeanMethods = false)
class EncryptedIdNumbers extends AbstractJdbcConfiguration {

    private final StoredIdNumbers stored;

    EncryptedIdNumbers(StoredIdNumbers stored) {
        this.stored = stored;
    }

    @Override
    protected List<?> userConverters() {
        return List.of(new Sealing(stored), new Opening(stored));
    }

    @WritingConverter
    record Sealing(StoredIdNumbers stored) implements Converter<IdNumber, byte[]> {
        @Override
        public byte[] convert(IdNumber source) {
            return stored.store(source.value());
        }
    }

    @ReadingConverter
    record Opening(StoredIdNumbers stored) implements Converter<byte[], IdNumber> {
        @Override
        public IdNumber convert(byte[] source) {
            return new IdNumber(stored.read(source));
        }
    }
}
