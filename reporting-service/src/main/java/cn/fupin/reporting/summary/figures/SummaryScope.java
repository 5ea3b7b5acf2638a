package cn.fupin.reporting.summary.figures;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The township and year a report's queries read: every statement gets {@code :prefix} and {@code :year}. */
record SummaryScope(JdbcClient jdbc, String township, int year) {

    JdbcClient.StatementSpec select(String sql) {
        return jdbc.sql(sql).param("prefix", township + "%").param("year", year);
    }

    /** A two-column result (code, number) as a map in row order; a null code (no stage) is kept as null. */
    Map<String, Long> longs(JdbcClient.StatementSpec statement) {
        Map<String, Long> values = new LinkedHashMap<>();
        statement.query(rs -> {
            values.put(rs.getString(1), rs.getLong(2));
        });
        return values;
    }
}
