package cn.fupin.household.windows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.fupin.household.WorkYear;
import cn.fupin.platform.web.ApiException;

/**
 * 系统功能开通: a township writes only while its functions are open (after the city approved its request) and never
 * after the year's close (12-31 24:00 Asia/Shanghai in 2020). Known from review-service's events, kept locally;
 * reads are never refused. Until the city has published a work plan for the year nothing is restricted yet.
 */
@Service
public class WorkWindows {

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses (409) a write to a village's data while its township's functions are closed. */
    public void requireOpen(String divisionCode) {
        int year = WorkYear.of(clock);
        Optional<Instant> closeAt = jdbc.sql("select close_at from work_plan where year = :year").param("year", year)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
        if (closeAt.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(closeAt.get())) {
            throw closed("year-closed", year + " 年度系统已于 " + closeAt.get() + " 关闭，数据只读；更正须由市扶贫办重新开通");
        }
        String township = divisionCode.substring(0, 9);
        String county = divisionCode.substring(0, 6);
        boolean countyClosed = jdbc.sql("""
                select count(*) > 0 from work_window where area_code = :county and year = :year
                and closed_at is not null and closed_at <= :now""")
                .param("county", county).param("year", year).param("now", Timestamp.from(now))
                .query(Boolean.class).single();
        boolean open = !countyClosed && jdbc.sql("""
                select count(*) > 0 from work_window where area_code in (:township, :county) and year = :year
                and opens_at <= :now and (closes_at is null or :now < closes_at)
                and (closed_at is null or :now < closed_at)""")
                .param("township", township).param("county", county).param("year", year)
                .param("now", Timestamp.from(now)).query(Boolean.class).single();
        if (!open) {
            throw closed("functions-closed", "乡镇 " + township + " 的系统功能当前未开通，暂不能录入或修改数据");
        }
    }

    private static ApiException closed(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, "系统功能未开通", detail);
    }
}
