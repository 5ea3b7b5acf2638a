package cn.fupin.reporting.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.workplan.YearlyPolicy;
import tools.jackson.databind.json.JsonMapper;

/** The yearly policy figures reports measure against: those of each year's work plan, as its facts hold them. */
@Component
class WorkPlanPolicies implements YearlyPolicies {

    private static final String SELECT = "select year, revision, policy::text from work_plan_fact"
            + " where policy is not null";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkPlanPolicies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<YearlyPolicy> find(int year) {
        return jdbc.sql(SELECT + " and year = :year").param("year", year).query(this::policy).optional();
    }

    @Override
    public Optional<YearlyPolicy> latestUpTo(int year) {
        return jdbc.sql(SELECT + " and year <= :year order by year desc limit 1").param("year", year)
                .query(this::policy).optional();
    }

    private YearlyPolicy policy(ResultSet rs, int row) throws SQLException {
        return YearlyPolicy.fromJson(rs.getInt(1), rs.getInt(2), json.readTree(rs.getString(3)));
    }
}
