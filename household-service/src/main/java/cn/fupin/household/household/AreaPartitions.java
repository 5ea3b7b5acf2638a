package cn.fupin.household.household;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.areas.DivisionTree.Division;

/**
 * After each migration, as the owner: a partition of the household table for each township of the county's
 * division tree that has none yet (migration 32), so that a township added to the tree gets its own on the next
 * start, with the households already registered there.
 */
@Component
class AreaPartitions implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AreaPartitions.class);

    private final DivisionTree divisions;

    AreaPartitions(DivisionTree divisions) {
        this.divisions = divisions;
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
        try (PreparedStatement add = context.getConnection()
                .prepareStatement("select \"" + schema + "\".add_area_partition(?)")) {
            for (Division township : divisions.root().children()) {
                add.setString(1, township.code());
                try (ResultSet made = add.executeQuery()) {
                    if (made.next() && made.getBoolean(1)) {
                        log.info("households of {} {} now in a partition of their own", township.code(),
                                township.name());
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("partitioning the households by township failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public String getCallbackName() {
        return "area partitions";
    }
}
