package cn.fupin.review.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * 账号开通与停用: the city office opens accounts of village clerks (a village of the city) and township officers (a
 * township), and disables them, with a reason; each change is recorded (who, when, for whom, why). Other roles —
 * the city office itself, auditors, departments — are not handed out here.
 */
@Service
public class Accounts {

    private static final List<String> ROLES = List.of("village-clerk", "township-officer");

    private final KeycloakUsers users;
    private final DivisionTree areas;
    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(KeycloakUsers users, DivisionTree areas, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.areas = areas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Change(long id, String action, String username, String role, String areaCode, String reason,
            String changedBy, Instant at) {
    }

    public Change create(String username, String displayName, String role, String areaCode, String password,
            boolean temporary, String reason, Caller caller) {
        requireCityOffice(caller);
        int length = role.equals("village-clerk") ? 12 : 9;
        if (areaCode.length() != length || areas.find(areaCode).isEmpty() || !areaCode.startsWith(caller.scope()
                .prefix())) {
            throw ApiException.invalid(List.of(new FieldError("areaCode", null, (role.equals("village-clerk")
                    ? "村级信息员的区划须是本市的 12 位村代码" : "乡镇审核人员的区划须是本市的 9 位乡镇代码"))));
        }
        users.create(username, displayName, role, areaCode, password, temporary);
        return record("CREATED", username, role, areaCode, reason, caller);
    }

    public Change disable(String username, String reason, Caller caller) {
        requireCityOffice(caller);
        KeycloakUsers.Account account = users.account(username)
                .filter(a -> a.roles().stream().anyMatch(ROLES::contains))
                .filter(a -> a.areaCode() != null && a.areaCode().startsWith(caller.scope().prefix()))
                .orElseThrow(() -> ApiException.notFound("村乡账号", username));
        users.disable(account.id());
        return record("DISABLED", username, account.roles().stream().filter(ROLES::contains).findFirst()
                .orElse(null), account.areaCode(), reason, caller);
    }

    public List<Change> changes(Caller caller) {
        return jdbc.sql("""
                select id, action, username, role, area_code, reason, changed_by, at from account_change
                where coalesce(area_code, '') like :prefix order by id desc limit 500""")
                .param("prefix", caller.scope().prefix() + "%")
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private Change record(String action, String username, String role, String areaCode, String reason,
            Caller caller) {
        Instant at = clock.instant();
        long id = jdbc.sql("""
                insert into account_change (action, username, role, area_code, reason, changed_by, at)
                values (:action, :username, :role, :area, :reason, :by, :at) returning id""")
                .param("action", action).param("username", username).param("role", role).param("area", areaCode)
                .param("reason", reason).param("by", caller.userId()).param("at", Timestamp.from(at))
                .query(Long.class).single();
        return new Change(id, action, username, role, areaCode, reason, caller.userId(), at);
    }

    private static void requireCityOffice(Caller caller) {
        if (caller.scope().prefix().length() != 6) {
            throw new ApiException(HttpStatus.FORBIDDEN, "city-office-only", "仅市扶贫办可操作", "账号由市扶贫办开通和停用");
        }
    }
}
