package cn.fupin.workplan;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yearly policies as this service has seen them on {@code review.events} (table {@code yearly_policy}, kept by
 * the work plan's projection): a later revision of a year replaces an earlier one, never the reverse.
 */
public class ProjectedYearlyPolicies implements YearlyPolicies {

    private static final String COLUMNS = "year, revision, assessed_year, poverty_line, monitoring_line_factor,"
            + " publicity_days_min";

    private final JdbcClient jdbc;

    public ProjectedYearlyPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<YearlyPolicy> find(int year) {
        return jdbc.sql("select " + COLUMNS + " from yearly_policy where year = :year").param("year", year)
                .query(ProjectedYearlyPolicies::policy).optional();
    }

    @Override
    public Optional<YearlyPolicy> latestUpTo(int year) {
        return jdbc.sql("select " + COLUMNS + " from yearly_policy where year <= :year order by year desc limit 1")
                .param("year", year).query(ProjectedYearlyPolicies::policy).optional();
    }

    /** Keeps a year's figures unless a later revision of the year is already kept. */
    public void keep(YearlyPolicy policy) {
        jdbc.sql("""
                insert into yearly_policy (year, revision, assessed_year, poverty_line, monitoring_line_factor,
                    publicity_days_min)
                values (:year, :revision, :assessed, :line, :factor, :days)
                on conflict (year) do update set revision = excluded.revision,
                    assessed_year = excluded.assessed_year, poverty_line = excluded.poverty_line,
                    monitoring_line_factor = excluded.monitoring_line_factor,
                    publicity_days_min = excluded.publicity_days_min
                where yearly_policy.revision <= excluded.revision""")
                .param("year", policy.year()).param("revision", policy.revision())
                .param("assessed", policy.assessedYear())
                .param("line", policy.povertyLine()).param("factor", policy.monitoringLineFactor())
                .param("days", policy.publicityDaysMin()).update();
    }

    private static YearlyPolicy policy(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new YearlyPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                rs.getInt(6));
    }
}
