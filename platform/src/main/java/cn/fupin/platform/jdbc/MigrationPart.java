package cn.fupin.platform.jdbc;

/**
 * Tables a shared part brings into a service's schema with migrations and a history of their own (the work plan's
 * projection, say), run after the service's own so they version independently.
 *
 * @param location e.g. {@code classpath:db/work-plan}
 * @param historyTable its Flyway history table
 */
public record MigrationPart(String location, String historyTable) {
}
