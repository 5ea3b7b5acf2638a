package cn.fupin.household.privacy;

import java.util.Map;

import org.flywaydb.core.api.migration.JavaMigration;

import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.StoredIdNumbers;

/** The migrations that seal personal data in place (16, 20), under test keys, for tests that migrate by hand. */
public final class SealingMigrations {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(
            Map.of(1, "fXi60p2RFsxHiI2Gkk9QgGVDRozo7jPs6YmnZTu+wuo="), 1);
    static final StoredIdNumbers STORED = new StoredIdNumbers(new IdNumberHash("a-test-key-of-16-chars"), CIPHER);

    private SealingMigrations() {
    }

    public static JavaMigration[] all() {
        return new JavaMigration[] { new IdNumberEncryption(STORED), new PersonalTextEncryption(CIPHER) };
    }
}
