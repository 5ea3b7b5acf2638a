package cn.fupin.household.privacy;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration that seals personal data stored in the clear, in place: a bean (only the service holds the
 * keys), numbered among the SQL migrations, run in the migration's transaction so a database is either wholly
 * converted or untouched. Its checksum is fixed: what it does is decided by its code, which never changes.
 */
abstract class InPlaceSealing implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    InPlaceSealing(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return Integer.parseInt(version.getVersion()) * 1000 + 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
