package cn.fupin.household.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import cn.fupin.platform.pii.PersonalDataCipher;

/**
 * Migration 20: phones (household, helper) and bank accounts, stored in the clear until now, are encrypted in place
 * like ID numbers ({@link EncryptedPersonalData}), in the migration's transaction.
 */
@Component
class PersonalTextEncryption extends InPlaceSealing {

    private final PersonalDataCipher cipher;

    PersonalTextEncryption(PersonalDataCipher cipher) {
        super("20", "encrypt phones and bank accounts");
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        seal(connection, "household", "id", "phone");
        seal(connection, "household", "id", "bank_account");
        seal(connection, "helper", "helper_id", "phone");
    }

    private void seal(Connection connection, String table, String key, String column) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table " + table + " add column sealed bytea");
        }
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select " + key + ", " + column + " from " + table
                        + " where " + column + " is not null");
                PreparedStatement write = connection.prepareStatement(
                        "update " + table + " set sealed = ? where " + key + " = ?")) {
            while (rows.next()) {
                write.setBytes(1, cipher.seal(rows.getString(2).strip().getBytes(StandardCharsets.UTF_8),
                        EncryptedPersonalData.PERSONAL_TEXT));
                write.setObject(2, rows.getObject(1));
                write.addBatch();
            }
            write.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table " + table + " drop column " + column);
            ddl.execute("alter table " + table + " rename column sealed to " + column);
            ddl.execute("comment on column " + table + "." + column + " is 'AES-256-GCM sealed (PersonalText)'");
        }
    }
}
