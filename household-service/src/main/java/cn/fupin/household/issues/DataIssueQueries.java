package cn.fupin.household.issues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.household.model.DataIssue;
import cn.fupin.contracts.household.model.DataIssuePage;
import cn.fupin.contracts.household.model.DataIssueStatus;

/** The problem list of an area. */
@Service
@Transactional(readOnly = true)
public class DataIssueQueries {

    private final JdbcClient jdbc;

    DataIssueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DataIssuePage search(String areaPrefix, String status, String ruleCode, int page, int size) {
        String where = """
                where division_code like :prefix and (cast(:status as text) is null or status = :status)
                and (cast(:rule as text) is null or rule_code = :rule)""";
        long total = jdbc.sql("select count(*) from data_issue " + where).param("prefix", areaPrefix + "%")
                .param("status", status).param("rule", ruleCode).query(Long.class).single();
        List<DataIssue> content = jdbc.sql("select * from data_issue " + where
                + " order by created_at, id limit :limit offset :offset")
                .param("prefix", areaPrefix + "%").param("status", status).param("rule", ruleCode)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> read(rs)).list();
        return new DataIssuePage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    DataIssue one(UUID id) {
        return jdbc.sql("select * from data_issue where id = :id").param("id", id).query((rs, n) -> read(rs)).single();
    }

    private static DataIssue read(ResultSet rs) throws SQLException {
        return new DataIssue(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getString("division_code"), rs.getInt("year"), rs.getString("rule_code"),
                DataIssue.SeverityEnum.fromValue(rs.getString("severity")), rs.getString("message"),
                DataIssueStatus.fromValue(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC))
                .memberId(rs.getObject("member_id", UUID.class)).indicator(rs.getString("indicator"))
                .field(rs.getString("field")).resolution(rs.getString("resolution")).comment(rs.getString("comment"));
    }

    long countUnresolved(String areaPrefix, int year) {
        return jdbc.sql("""
                select count(*) from data_issue where division_code like :prefix and year = :year
                and status in ('OPEN', 'VERIFIED')""")
                .param("prefix", areaPrefix + "%").param("year", year).query(Long.class).single();
    }
}
