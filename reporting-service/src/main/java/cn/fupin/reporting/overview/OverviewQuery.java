package cn.fupin.reporting.overview;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts households and persons (members living in them) for an area and, one level down, its children: from the
 * villages' counts by category and status ({@code household_count}, kept by the read model's trigger), a few rows
 * per village whatever the number of households.
 */
@Service
@Transactional(readOnly = true)
class OverviewQuery {

    private final JdbcClient jdbc;

    OverviewQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts total(String area) {
        return jdbc.sql("select coalesce(sum(households), 0), coalesce(sum(persons), 0) from household_count"
                + " where division_code like :prefix")
                .param("prefix", area + "%")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Counts per value of a column ({@code category} or {@code status}). */
    Map<String, Counts> by(String column, String area) {
        if (!List.of("category", "status").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select " + column + ", sum(households), sum(persons) from household_count"
                + " where division_code like :prefix group by " + column + " having sum(households) > 0")
                .param("prefix", area + "%")
                .query((rs, n) -> Map.entry(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Counts of the households in the given villages (e.g. the poor villages of an area). */
    Counts inVillages(List<String> villages) {
        if (villages.isEmpty()) {
            return Counts.NONE;
        }
        return jdbc.sql("select coalesce(sum(households), 0), coalesce(sum(persons), 0) from household_count"
                + " where division_code in (:villages)")
                .param("villages", villages).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Counts per child area, whose codes are {@code childLength} digits long. */
    Map<String, Counts> byChild(String area, int childLength) {
        return jdbc.sql("select substr(division_code, 1, :length), sum(households), sum(persons)"
                + " from household_count where division_code like :prefix group by 1 having sum(households) > 0")
                .param("length", childLength).param("prefix", area + "%")
                .query((rs, n) -> Map.entry(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Households and persons. */
    record Counts(long households, long persons) {

        static final Counts NONE = new Counts(0, 0);
    }
}
