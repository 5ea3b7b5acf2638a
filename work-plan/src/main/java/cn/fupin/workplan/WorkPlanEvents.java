package cn.fupin.workplan;

import java.sql.Timestamp;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.inbox.Inbox;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the local projection of the work plan from {@code review.events}: the year's close and policy figures
 * ({@code WorkPlanPublished}) and each area's window ({@code FunctionsOpened} with the reason it was opened for,
 * which {@code FunctionsClosed} keeps). A group of its own, so it sees every partition of the topic beside the
 * review-outcome consumer: {@code <service>.work-windows}.
 */
public class WorkPlanEvents {

    private final EventCodec codec;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final ProjectedYearlyPolicies policies;
    private final String consumer;

    public WorkPlanEvents(EventCodec codec, Inbox inbox, JdbcClient jdbc, ProjectedYearlyPolicies policies,
            String service) {
        this.codec = codec;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.policies = policies;
        this.consumer = service + ".work-windows";
    }

    /** {@code policy} is absent from plans published before the yearly figures were part of them. */
    record PlanPublished(int year, String areaCode, int revision, OffsetDateTime closeAt, JsonNode policy) {
    }

    /**
     * An area's window opened.
     *
     * @param reason REQUEST_APPROVED, CITY_OPENED, or REOPENED (after the year's close)
     */
    record Opened(int year, String areaCode, OffsetDateTime opensAt, OffsetDateTime closesAt, String reason) {
    }

    record Closed(int year, String areaCode, OffsetDateTime closedAt) {
    }

    @KafkaListener(topics = "review.events", groupId = "${spring.application.name}.work-windows")
    void on(String value) {
        EventEnvelope event = codec.read(value);
        String name = event.eventName();
        if (!name.equals("WorkPlanPublished") && !name.equals("FunctionsOpened") && !name.equals("FunctionsClosed")) {
            return;
        }
        if (event.version() != 1) {
            throw new InvalidEventException("未知的事件版本: " + event.type());
        }
        inbox.handleOnce(consumer, event, e -> {
            switch (name) {
                case "WorkPlanPublished" -> published(codec.data(e, PlanPublished.class));
                case "FunctionsOpened" -> opened(codec.data(e, Opened.class));
                default -> closed(codec.data(e, Closed.class));
            }
        });
    }

    private void published(PlanPublished plan) {
        jdbc.sql("""
                insert into work_plan (year, area_code, close_at, revision) values (:year, :area, :closeAt, :revision)
                on conflict (year) do update set area_code = excluded.area_code, close_at = excluded.close_at,
                    revision = excluded.revision where work_plan.revision <= excluded.revision""")
                .param("year", plan.year()).param("area", plan.areaCode())
                .param("closeAt", Timestamp.from(plan.closeAt().toInstant())).param("revision", plan.revision())
                .update();
        if (plan.policy() != null && !plan.policy().isNull()) {
            policies.keep(YearlyPolicy.fromJson(plan.year(), plan.revision(), plan.policy()));
        }
    }

    private void opened(Opened window) {
        jdbc.sql("""
                insert into work_window (area_code, year, opens_at, closes_at, closed_at, reason)
                values (:area, :year, :opensAt, :closesAt, null, :reason)
                on conflict (area_code, year) do update set opens_at = excluded.opens_at,
                    closes_at = excluded.closes_at, closed_at = null, reason = excluded.reason""")
                .param("area", window.areaCode()).param("year", window.year())
                .param("opensAt", Timestamp.from(window.opensAt().toInstant()))
                .param("closesAt", window.closesAt() == null ? null : Timestamp.from(window.closesAt().toInstant()))
                .param("reason", window.reason()).update();
    }

    private void closed(Closed window) {
        jdbc.sql("""
                insert into work_window (area_code, year, opens_at, closed_at) values (:area, :year, :at, :at)
                on conflict (area_code, year) do update set closed_at = excluded.closed_at""")
                .param("area", window.areaCode()).param("year", window.year())
                .param("at", Timestamp.from(window.closedAt().toInstant())).update();
    }
}
