package cn.fupin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

/**
 * A physical backup of the stack's PostgreSQL cluster — every service's schema, one consistent moment — taken while
 * it serves, and its restore. zonky's binaries bring no {@code pg_dump} or {@code pg_basebackup} (and Debian's
 * {@code pg_dump} 15 refuses a server 18), so the backup follows PostgreSQL's documented low-level procedure
 * itself: a temporary replication slot keeps the write-ahead log from the start, {@code pg_backup_start}, the data
 * directory copied, {@code pg_backup_stop} (its backup label written into the copy), the log copied last. Started on
 * the copy, PostgreSQL replays that log to the moment the backup ended.
 */
final class PostgresBackup {

    static final String DATA = "data";
    static final String MANIFEST = "backup.properties";

    /** What the copy leaves out, as pg_basebackup does: what the server rebuilds or must not find on its start. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "backup_label.old");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private PostgresBackup() {
    }

    /**
     * Backs the running cluster up into {@code target/data} (with {@code target/backup.properties}); returns the
     * manifest.
     */
    static Properties take(DataSource superuser, Path dataDir, Path target) {
        Path data = target.resolve(DATA);
        if (Files.exists(target.resolve(MANIFEST)) || Files.exists(data)) {
            throw new IllegalArgumentException("there is a backup in " + target + " already");
        }
        Instant started = Instant.now();
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            // start and stop must be one session; the temporary slot goes with it
            statement.execute("select pg_create_physical_replication_slot('fupin_backup_' || pg_backend_pid(), true,"
                    + " true)");
            String version = single(statement, "show server_version");
            String startLsn = single(statement, "select pg_backup_start('fupin " + started + "', true)::text");
            copy(dataDir, data, true);
            String label;
            String tablespaces;
            String stopLsn;
            try (ResultSet stop = statement.executeQuery(
                    "select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                stopLsn = stop.getString(1);
                label = stop.getString(2);
                tablespaces = stop.getString(3);
            }
            Files.writeString(data.resolve("backup_label"), label, StandardCharsets.UTF_8);
            if (tablespaces != null && !tablespaces.isBlank()) {
                Files.writeString(data.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
            }
            // the log from the backup's start, which the slot has kept, through its stop
            copy(dataDir.resolve("pg_wal"), data.resolve("pg_wal"), false);
            Properties manifest = new Properties();
            manifest.setProperty("started", started.toString());
            manifest.setProperty("finished", Instant.now().toString());
            manifest.setProperty("server_version", version);
            manifest.setProperty("start_lsn", startLsn);
            manifest.setProperty("stop_lsn", stopLsn);
            manifest.setProperty("bytes", String.valueOf(size(data)));
            try (var writer = Files.newBufferedWriter(target.resolve(MANIFEST), StandardCharsets.UTF_8)) {
                manifest.store(writer, "a physical backup of the Fupin local stack's PostgreSQL (deploy/local)");
            }
            return manifest;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL refused the backup: " + ex.getMessage(), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Puts a backup in place of the stopped cluster's data directory; the directory it replaces is kept beside it
     * ({@code postgres.before-restore-<time>}). The server's next start replays the backup's log.
     */
    static Path restore(Path backup, Path dataDir) {
        Path data = backup.resolve(DATA);
        if (!Files.exists(backup.resolve(MANIFEST)) || !Files.exists(data.resolve("backup_label"))) {
            throw new IllegalArgumentException("no backup in " + backup + " (" + MANIFEST + " and " + DATA
                    + "/backup_label expected)");
        }
        if (Postmaster.running(dataDir).isPresent()) {
            throw new IllegalStateException("PostgreSQL still runs on " + dataDir + ": stop the stack first");
        }
        try {
            Path kept = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-"
                    + Instant.now().toString().replace(':', '-'));
            if (Files.exists(dataDir)) {
                Files.move(dataDir, kept);
            }
            copy(data, dataDir, false);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            return kept;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Copies a directory tree. From a running server ({@code live}): files that vanish meanwhile are skipped (the log
     * replays what happened to them), and what the server rebuilds on start is left out.
     */
    private static void copy(Path from, Path to, boolean live) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path relative = from.relativize(directory);
                Files.createDirectories(to.resolve(relative.toString()));
                if (live && relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(to.resolve("pg_wal/archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(file);
                if (live && relative.getNameCount() == 1 && SKIPPED_FILES.contains(relative.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
                catch (NoSuchFileException vanished) {
                    // dropped or truncated away while we copied: the log has it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                if (ex instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw ex;
            }
        });
    }

    private static long size(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
