package cn.fupin.household.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import cn.fupin.platform.pii.StoredIdNumbers;

/**
 * Migration 16: ID numbers of members, helpers and the correction history, stored in the clear until now, are
 * encrypted in place ({@link StoredIdNumbers}); a generated column {@code id_number_hash} takes over the unique
 * index of active numbers and the lookups. A Java migration because only the service holds the keys; it runs in
 * the migration's transaction, so a database is either wholly converted or untouched.
 */
@Component
class IdNumberEncryption extends InPlaceSealing {

    private final StoredIdNumbers stored;

    IdNumberEncryption(StoredIdNumbers stored) {
        super("16", "encrypt id numbers");
        this.stored = stored;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table member add column id_number_sealed bytea");
            ddl.execute("alter table helper add column id_number_sealed bytea");
            ddl.execute("alter table member_correction add column old_id_number bytea, add column new_id_number bytea");
        }
        seal(connection, "select member_id, id_number from member",
                "update member set id_number_sealed = ? where member_id = ?");
        seal(connection, "select helper_id, id_number from helper where id_number is not null",
                "update helper set id_number_sealed = ? where helper_id = ?");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    update member_correction set old_id_number = convert_to(old_value, 'UTF8'),
                        new_id_number = convert_to(new_value, 'UTF8'), old_value = null, new_value = null
                    where field = 'idNumber'""");
        }
        sealCorrections(connection);
        try (Statement ddl = connection.createStatement()) {
            for (String table : new String[] { "member", "helper" }) {
                ddl.execute("alter table " + table + " drop column id_number");
                ddl.execute("alter table " + table + " rename column id_number_sealed to id_number");
                ddl.execute("alter table " + table + " add column id_number_hash text generated always as "
                        + "(encode(substring(id_number from 1 for 32), 'hex')) stored");
            }
            ddl.execute("alter table member alter column id_number set not null");
            ddl.execute("create unique index member_active_id_number on member (id_number_hash) where active");
            ddl.execute("create index helper_id_number on helper (id_number_hash) where id_number_hash is not null");
            ddl.execute("comment on column member.id_number is "
                    + "'A4 证件号码: keyed hash (32 bytes) + AES-256-GCM sealed number, see StoredIdNumbers'");
            ddl.execute("comment on column member.id_number_hash is 'HMAC-SHA256 of the number, hex: exact search'");
        }
    }

    private void seal(Connection connection, String select, String update) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            while (rows.next()) {
                write.setBytes(1, stored.store(rows.getString(2)));
                write.setObject(2, rows.getObject(1));
                write.addBatch();
            }
            write.executeBatch();
        }
    }

    /** The history's A4 values were moved as UTF-8 bytes above; now they are sealed like the members' numbers. */
    private void sealCorrections(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("""
                        select id, convert_from(old_id_number, 'UTF8'), convert_from(new_id_number, 'UTF8')
                        from member_correction where field = 'idNumber'""");
                PreparedStatement write = connection.prepareStatement(
                        "update member_correction set old_id_number = ?, new_id_number = ? where id = ?")) {
            while (rows.next()) {
                write.setBytes(1, rows.getString(2) == null ? null : stored.store(rows.getString(2)));
                write.setBytes(2, rows.getString(3) == null ? null : stored.store(rows.getString(3)));
                write.setLong(3, rows.getLong(1));
                write.addBatch();
            }
            write.executeBatch();
        }
    }
}
