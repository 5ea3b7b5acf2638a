package cn.fupin.platform.counts;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 账账相符 counts as every service gives them: a query grouping its own records of an area by one column, read into
 * keys {@code <what>.<group>} (e.g. {@code objects.MONITORED}). The query selects the group and the count, and
 * names the area as a {@code like} pattern {@code :prefix} or as itself {@code :area} (for a function keeping the
 * counts, e.g. {@code monitoring_object_counts(:area)}).
 */
public final class GroupCounts {

    private GroupCounts() {
    }

    public static void into(Map<String, Long> counts, JdbcClient jdbc, String what, String sql, String area) {
        jdbc.sql(sql).param("prefix", area + "%").param("area", area)
                .query((rs, n) -> counts.put(what + "." + rs.getString(1), rs.getLong(2))).list();
    }
}
