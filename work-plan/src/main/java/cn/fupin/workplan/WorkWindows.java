package cn.fupin.workplan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.web.ApiException;

/**
 * 系统功能开通: a township writes only while its functions are open (after the city approved its request, or
 * opened them itself) and not after the year's close (12-31 24:00 Asia/Shanghai in 2020) unless the city reopened
 * them. Known from review-service's events, kept locally; reads are never refused. Until the city has published a
 * work plan nothing is restricted yet; after the close the closed year's plan rules until the next one is
 * published. A service whose writes the work plan governs turns this on with {@code fupin.work-windows.enabled}
 * (household and monitoring); its tables come from the migrations in {@code db/work-plan}.
 * <ul>
 * <li>The most specific window decides (the work plan opens functions per township, or for the whole county at
 * once): once a township's own window has begun it overrides its county's, open or closed, in both directions.
 * <li>Every window opened before the year's close ends with it; after the close only a window the city reopened
 * (重新开通, {@code FunctionsOpened} reason {@code REOPENED}) counts, again the most specific one.
 * </ul>
 */
public class WorkWindows {

    private final JdbcClient jdbc;
    private final Clock clock;

    public WorkWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Plan(int year, Instant closeAt) {
    }

    /**
     * Refuses (409) a write to a village's data while its township's functions are closed: {@code functions-closed},
     * or {@code year-closed} after the year's close.
     */
    public void requireOpen(String divisionCode) {
        Optional<Plan> plan = jdbc.sql("""
                select year, close_at from work_plan where year <= :year order by year desc limit 1""")
                .param("year", WorkYear.of(clock))
                .query((rs, n) -> new Plan(rs.getInt(1), rs.getTimestamp(2).toInstant())).optional();
        if (plan.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        boolean yearClosed = !now.isBefore(plan.get().closeAt());
        String township = divisionCode.substring(0, 9);
        boolean open = jdbc.sql("""
                select (closes_at is null or :now < closes_at) and (closed_at is null or :now < closed_at)
                from work_window where area_code in (:township, :county) and year = :year and opens_at <= :now
                and (not :yearClosed or reason = 'REOPENED')
                order by length(area_code) desc limit 1""")
                .param("now", Timestamp.from(now)).param("township", township)
                .param("county", divisionCode.substring(0, 6)).param("year", plan.get().year())
                .param("yearClosed", yearClosed).query(Boolean.class).optional().orElse(false);
        if (open) {
            return;
        }
        if (yearClosed) {
            throw closed("year-closed", plan.get().year() + " 年度系统已于 " + plan.get().closeAt()
                    + " 关闭，数据只读；更正须由市扶贫办重新开通");
        }
        throw closed("functions-closed", "乡镇 " + township + " 的系统功能当前未开通，暂不能录入或修改数据");
    }

    private static ApiException closed(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, "系统功能未开通", detail);
    }
}
