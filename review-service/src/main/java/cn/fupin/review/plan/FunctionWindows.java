package cn.fupin.review.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * When an area's write functions (系统功能) are open: opened by an approved township request, opened, reopened after
 * the year's close or revoked by the city office with a reason. Each change is recorded (who, when, why) and
 * published, so household-service and monitoring-service keep their own copy of the windows.
 */
@Service
public class FunctionWindows {

    private final JdbcClient jdbc;
    private final WorkPlans plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FunctionWindows(JdbcClient jdbc, WorkPlans plans, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    /** One recorded opening or closing. */
    public record Window(long id, int year, String areaCode, String action, String reason, Instant opensAt,
            Instant closesAt, String comment, UUID requestId, Instant at, String by) {
    }

    /** A township's approved request: writes from the first day of data entry (or now) until the year closes. */
    @Transactional
    public Window openForRequest(int year, String township, UUID caseId, UUID requestId, String by) {
        WorkPlan plan = plans.require(year);
        Instant now = clock.instant();
        Instant opensAt = plan.writesFrom().isAfter(now) ? plan.writesFrom() : now;
        events.publishEvent(WorkPlanEvent.opened(plan, township, opensAt, null, "REQUEST_APPROVED", caseId, requestId,
                null));
        return record(year, township, "OPENED", "REQUEST_APPROVED", opensAt, null, null, requestId, by);
    }

    /**
     * The city office opens (after the year's close: reopens, until a time it must name) or revokes an area's
     * functions, with a reason.
     */
    @Transactional
    public Window change(int year, String action, String area, Instant closesAt, String reason, Caller caller) {
        plans.requireCityOffice(caller);
        WorkPlan plan = plans.require(year);
        Instant now = clock.instant();
        if (!area.startsWith(plan.areaCode())) {
            throw ApiException.notFound("区划", area);
        }
        if ("CLOSE".equals(action)) {
            events.publishEvent(WorkPlanEvent.closed(plan, area, now, "REVOKED", reason));
            return record(year, area, "CLOSED", "REVOKED", null, null, reason, null, caller.userId());
        }
        boolean afterClose = plan.closedAt(now);
        if (afterClose && closesAt == null) {
            throw ApiException.invalid(List.of(new FieldError("closesAt", null, "年度关闭后重新开通须写明开通至何时")));
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            throw ApiException.invalid(List.of(new FieldError("closesAt", null, "开通截止时间须在将来")));
        }
        String why = afterClose ? "REOPENED" : "CITY_OPENED";
        events.publishEvent(WorkPlanEvent.opened(plan, area, now, closesAt, why, null, null, reason));
        return record(year, area, "OPENED", why, now, closesAt, reason, null, caller.userId());
    }

    /** The year's close, announced once for the whole county when its time has come. */
    @Transactional
    public boolean announceCloseIfDue(int year) {
        WorkPlan plan = plans.require(year);
        int claimed = jdbc.sql("""
                update work_plan set year_close_announced = true
                where year = :year and not year_close_announced and close_at <= :now""")
                .param("year", year).param("now", Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return false;
        }
        events.publishEvent(WorkPlanEvent.closed(plan, plan.areaCode(), plan.closeAt(), "YEAR_CLOSED", null));
        record(year, plan.areaCode(), "CLOSED", "YEAR_CLOSED", null, null, null, null, "system");
        return true;
    }

    /** Years whose close has come and not yet been announced. */
    public List<Integer> yearsDueToClose() {
        return jdbc.sql("select year from work_plan where not year_close_announced and close_at <= :now")
                .param("now", Timestamp.from(clock.instant())).query(Integer.class).list();
    }

    /** Every opening and closing in the caller's area (the county's own included), oldest first. */
    public List<Window> list(int year, Caller caller) {
        String scope = caller.scope().prefix();
        return jdbc.sql("""
                select id, year, area_code, action, reason, opens_at, closes_at, comment, request_id, at, by
                from function_window where year = :year and (area_code like :scope or :scope like area_code || '%')
                order by id""")
                .param("year", year).param("scope", scope + "%")
                .query((rs, n) -> new Window(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8),
                        rs.getObject(9, UUID.class), rs.getTimestamp(10).toInstant(), rs.getString(11)))
                .list();
    }

    private Window record(int year, String area, String action, String reason, Instant opensAt, Instant closesAt,
            String comment, UUID requestId, String by) {
        Instant at = clock.instant();
        long id = jdbc.sql("""
                insert into function_window (year, area_code, action, reason, opens_at, closes_at, comment, request_id,
                    at, by)
                values (:year, :area, :action, :reason, :opensAt, :closesAt, :comment, :request, :at, :by)
                returning id""")
                .param("year", year).param("area", area).param("action", action).param("reason", reason)
                .param("opensAt", ts(opensAt)).param("closesAt", ts(closesAt)).param("comment", comment)
                .param("request", requestId).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
        return new Window(id, year, area, action, reason, opensAt, closesAt, comment, requestId, at, by);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
