package cn.fupin.household.household;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.areas.DivisionTree.Division;

/**
 * After each migration, as the owner: the registry's partitions by area (migrations 32 and 33) for the county of the
 * division tree, or for each of its townships, that has none yet — so that a township added to the tree gets its
 * own on the next start, with the households already registered there. An area already covered by partitions of
 * the other level keeps them: changing the level is an operator's move of the rows, not a start's.
 */
@Component
class AreaPartitions implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AreaPartitions.class);

    /**
     * How finely the registry is partitioned. A query of an area larger than a partition reads all of that area's
     * partitions, and a generic plan holds them all: a county's registry is read fastest in one (the city's ID
     * search at a quarter of its rate over 15 township partitions, docs/benchmarks.md); a province's gains
     * partitions it can vacuum, index and archive a township at a time.
     */
    enum Level {
        COUNTY, TOWNSHIP
    }

    private final DivisionTree divisions;
    private final Level level;

    AreaPartitions(DivisionTree divisions, @Value("${fupin.registry.partitions:county}") Level level) {
        this.divisions = divisions;
        this.level = level;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration flyway = context.getConfiguration();
        // Flyway's own rule: the first of the schemas when no default is named
        String schema = flyway.getDefaultSchema() != null ? flyway.getDefaultSchema() : flyway.getSchemas()[0];
        List<Division> areas = level == Level.COUNTY ? List.of(divisions.root()) : divisions.root().children();
        try {
            List<String> partitioned = partitionedAreas(context.getConnection(), schema);
            try (PreparedStatement add = context.getConnection()
                    .prepareStatement("select \"" + schema + "\".add_area_partition(?)")) {
                for (Division area : areas) {
                    String covering = partitioned.stream().filter(code -> !code.equals(area.code()))
                            .filter(code -> code.startsWith(area.code()) || area.code().startsWith(code))
                            .findFirst().orElse(null);
                    if (covering != null) {
                        log.warn("{} {} keeps its partitions of another level ({}); partitions by {} wanted",
                                area.code(), area.name(), covering, level.name().toLowerCase());
                        continue;
                    }
                    add.setString(1, area.code());
                    try (ResultSet made = add.executeQuery()) {
                        if (made.next() && made.getBoolean(1)) {
                            log.info("households of {} {} now in a partition of their own", area.code(), area.name());
                        }
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("partitioning the households by area failed: " + ex.getMessage(), ex);
        }
    }

    /** The areas the household table has partitions for (not its default one). */
    private static List<String> partitionedAreas(Connection connection, String schema) throws SQLException {
        List<String> areas = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select substr(c.relname, length('household_') + 1) from pg_inherits i
                join pg_class c on c.oid = i.inhrelid
                where i.inhparent = format('%I.household', cast(? as text))::regclass
                  and c.relname ~ '^household_[0-9]+$'""")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    areas.add(rows.getString(1));
                }
            }
        }
        return areas;
    }

    @Override
    public String getCallbackName() {
        return "area partitions";
    }
}
