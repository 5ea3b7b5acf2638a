package cn.fupin.reporting.summary.figures;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.reporting.summary.figures.TownshipFigures.Count;
import cn.fupin.reporting.summary.figures.TownshipFigures.OpenClosed;
import cn.fupin.reporting.summary.figures.TownshipFigures.Village;

/** The per-village table: every village of the township in the division tree's order, empty ones with zeros. */
@Component
class VillageFiguresQuery {

    private static final String VILLAGE = "substr(division_code, 1, 12)";

    List<Village> of(DivisionTree.Division township, SummaryScope scope, BigDecimal povertyLine) {
        Map<String, long[]> households = byVillage(scope.select("select " + VILLAGE + ", count(*),"
                + " coalesce(sum(size), 0) from household_fact where division_code like :prefix group by 1"));
        Map<String, long[]> changes = byVillage(scope.select("select " + VILLAGE + ","
                + " coalesce(sum(households) filter (where kind = 'IDENTIFIED'), 0),"
                + " coalesce(sum(households) filter (where kind = 'EXITED'), 0),"
                + " coalesce(sum(households) filter (where kind = 'RETURNED'), 0),"
                + " coalesce(sum(households) filter (where kind = 'CLEARED'), 0),"
                + " coalesce(sum(persons) filter (where kind = 'MEMBER_ADDED'), 0),"
                + " coalesce(sum(persons) filter (where kind = 'MEMBER_REMOVED'), 0)"
                + " from household_change where year = :year and division_code like :prefix group by 1"));
        Map<String, long[]> monitoring = byVillage(scope.select("select " + VILLAGE + ", count(*) from monitoring_fact"
                + " where status <> 'REJECTED' and year = :year and division_code like :prefix group by 1"));
        Map<String, long[]> belowLine = byVillage(scope.select("select " + VILLAGE + ", count(*) from annual_income"
                + " where year = :year and division_code like :prefix and per_capita_income < :line group by 1")
                .param("line", povertyLine));
        Map<String, long[]> issues = byVillage(scope.select("select " + VILLAGE + ","
                + " count(*) filter (where status = 'OPEN'), count(*) filter (where status = 'CLOSED')"
                + " from data_issue_fact where year = :year and division_code like :prefix group by 1"));
        return township.children().stream().map(village -> {
            long[] h = households.getOrDefault(village.code(), new long[2]);
            long[] c = changes.getOrDefault(village.code(), new long[6]);
            long[] i = issues.getOrDefault(village.code(), new long[2]);
            return new Village(village.code(), village.name(), new Count(h[0], h[1]), c[0], c[1], c[2], c[3], c[4],
                    c[5], monitoring.getOrDefault(village.code(), new long[1])[0],
                    belowLine.getOrDefault(village.code(), new long[1])[0], new OpenClosed(i[0], i[1]));
        }).toList();
    }

    /** Rows of (village code, figures…) by village code. */
    private static Map<String, long[]> byVillage(JdbcClient.StatementSpec statement) {
        Map<String, long[]> rows = new HashMap<>();
        statement.query(rs -> {
            long[] figures = new long[rs.getMetaData().getColumnCount() - 1];
            for (int column = 0; column < figures.length; column++) {
                figures[column] = rs.getLong(column + 2);
            }
            rows.put(rs.getString(1), figures);
        });
        return rows;
    }
}
