package cn.fupin.platform.counts;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 账账相符 counts as every service gives them: a query grouping its own records of an area by one column, read into
 * keys {@code <what>.<group>} (e.g. {@code objects.MONITORED}). The query selects the group and the count, and
 * names the area prefix {@code :prefix}.
 */
public final class GroupCounts {

    private GroupCounts() {
    }

    public static void into(Map<String, Long> counts, JdbcClient jdbc, String what, String sql, String areaPrefix) {
        jdbc.sql(sql).param("prefix", areaPrefix + "%")
                .query((rs, n) -> counts.put(what + "." + rs.getString(1), rs.getLong(2))).list();
    }
}
