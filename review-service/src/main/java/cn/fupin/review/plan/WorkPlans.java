package cn.fupin.review.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.contracts.rules.WorkYear;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The year's work plan, published and changed by the city office. A change may not rewrite what has begun: a
 * started phase keeps its start, an ended phase stays as it was, the close never moves into the past. The plan
 * carries the year's policy figures, so no year is open for work without them. Every revision is kept and published
 * ({@code WorkPlanPublished}).
 */
@Service
public class WorkPlans {

    private static final String SELECT = """
            select id, year, area_code, timezone, close_at, phases::text, policy::text, revision, updated_by, updated_at
            from work_plan""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String county;

    WorkPlans(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock,
            @Value("${fupin.county:350481}") String county) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.county = county;
    }

    public String county() {
        return county;
    }

    public Optional<WorkPlan> find(int year) {
        return jdbc.sql(SELECT + " where year = :year").param("year", year).query(this::plan).optional();
    }

    /** The latest published plan of a year at or before {@code year}. */
    public Optional<WorkPlan> latestUpTo(int year) {
        return jdbc.sql(SELECT + " where year <= :year order by year desc limit 1").param("year", year)
                .query(this::plan).optional();
    }

    private WorkPlan plan(ResultSet rs, int row) throws SQLException {
        int year = rs.getInt(2);
        int revision = rs.getInt(8);
        return new WorkPlan(rs.getObject(1, UUID.class), year, rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), json.readValue(rs.getString(6), new TypeReference<List<Phase>>() {
                }), YearlyPolicy.fromJson(year, revision, json.readTree(rs.getString(7))), revision,
                rs.getString(9), rs.getTimestamp(10).toInstant());
    }

    /** The plan of the year, or a 409 naming what is missing. */
    public WorkPlan require(int year) {
        return find(year).orElseThrow(() -> ApiException.conflict("no-work-plan",
                year + " 年度工作方案尚未发布，请市扶贫办先发布工作方案"));
    }

    /**
     * The template for a year that has no plan yet (revision 0, unpublished): the 2020 schedule moved to the year,
     * and the policy figures the seed plan gives for the year, else the latest earlier plan's (the seed's 2020 ones
     * when there is none), for the city office to confirm or change.
     */
    public WorkPlan template(int year) {
        YearlyPolicy policy = WorkPlanTemplate.seeded(year) ? WorkPlanTemplate.seedPolicy(year)
                : latestUpTo(year - 1).map(WorkPlan::policy)
                        .map(p -> new YearlyPolicy(year, 0, year, p.povertyLine(), p.monitoringLineFactor(),
                                p.publicityDaysMin()))
                        .orElseGet(() -> WorkPlanTemplate.seedPolicy(year));
        return new WorkPlan(null, year, county, WorkYear.ZONE.getId(), WorkPlanTemplate.closeOf(year),
                WorkPlanTemplate.forYear(year), policy, 0, null, null);
    }

    /**
     * The year's policy figures as asked; a change of the plan that names none keeps the current ones; a first plan
     * must name them, except for 2020, whose figures the seed work plan gives. A year is never published without.
     * {@code assessedYear} (null: the plan's own year) may be an earlier year, never a later one.
     */
    public record PolicyAsked(Integer assessedYear, BigDecimal povertyLine, BigDecimal monitoringLineFactor,
            int publicityDaysMin) {
    }

    @Transactional
    public WorkPlan publish(int year, Instant closeAt, List<Phase> phases, PolicyAsked policyAsked,
            Long expectedRevision, Caller caller) {
        requireCityOffice(caller);
        Optional<WorkPlan> current = find(year);
        if (current.isPresent()) {
            if (expectedRevision == null) {
                throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少版本条件",
                        "修改已发布的工作方案须带 If-Match（读取时得到的 ETag）");
            }
            if (expectedRevision != current.get().revision()) {
                throw ApiException.versionMismatch("年度工作方案", current.get().revision());
            }
        }
        Instant close = closeAt != null ? closeAt : WorkPlanTemplate.closeOf(year);
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        List<FieldError> errors = problems(year, close, phases, clock.instant());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        current.ifPresent(plan -> requireHistoryKept(plan, close, phases, today));
        int revision = current.map(p -> p.revision() + 1).orElse(1);
        YearlyPolicy policy = policy(year, revision, policyAsked, current);
        WorkPlan plan = new WorkPlan(current.map(WorkPlan::id).orElseGet(UUID::randomUUID), year, county,
                WorkYear.ZONE.getId(), close, phases, policy, revision, caller.userId(), clock.instant());
        String policyJson = json.writeValueAsString(policy.published());
        jdbc.sql("""
                insert into work_plan (id, year, area_code, timezone, close_at, phases, policy, revision, updated_by,
                    updated_at)
                values (:id, :year, :area, :zone, :close, cast(:phases as jsonb), cast(:policy as jsonb), :revision,
                    :by, :at)
                on conflict (year) do update set close_at = excluded.close_at, phases = excluded.phases,
                    policy = excluded.policy, revision = excluded.revision, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at, year_close_announced = false""")
                .param("id", plan.id()).param("year", year).param("area", county).param("zone", plan.timezone())
                .param("close", Timestamp.from(close)).param("phases", json.writeValueAsString(phases))
                .param("policy", policyJson).param("revision", plan.revision()).param("by", caller.userId())
                .param("at", Timestamp.from(plan.updatedAt())).update();
        jdbc.sql("""
                insert into work_plan_revision (work_plan_id, revision, close_at, phases, policy, updated_by,
                    updated_at)
                values (:id, :revision, :close, cast(:phases as jsonb), cast(:policy as jsonb), :by, :at)""")
                .param("id", plan.id()).param("revision", plan.revision()).param("close", Timestamp.from(close))
                .param("phases", json.writeValueAsString(phases)).param("policy", policyJson)
                .param("by", caller.userId()).param("at", Timestamp.from(plan.updatedAt())).update();
        events.publishEvent(WorkPlanEvent.published(plan));
        return plan;
    }

    private static YearlyPolicy policy(int year, int revision, PolicyAsked asked, Optional<WorkPlan> current) {
        if (asked != null) {
            int assessed = asked.assessedYear() == null ? year : asked.assessedYear();
            if (assessed > year) {
                throw ApiException.invalid(List.of(new FieldError("policy.assessedYear", null,
                        "考核年度不能晚于方案年度 " + year)));
            }
            return new YearlyPolicy(year, revision, assessed, asked.povertyLine(), asked.monitoringLineFactor(),
                    asked.publicityDaysMin());
        }
        YearlyPolicy kept = current.map(WorkPlan::policy)
                .or(() -> WorkPlanTemplate.seeded(year) ? Optional.of(WorkPlanTemplate.seedPolicy(year))
                        : Optional.empty())
                .orElseThrow(() -> ApiException.invalid(List.of(new FieldError("policy", null,
                        "首次发布 " + year + " 年度工作方案须同时设定本年度政策参数（贫困线、监测线系数、公示最少天数）"))));
        return new YearlyPolicy(year, revision, kept.assessedYear(), kept.povertyLine(), kept.monitoringLineFactor(),
                kept.publicityDaysMin());
    }

    /** Only the city office (a city officer of the whole county) sets the plan and opens or closes functions. */
    void requireCityOffice(Caller caller) {
        if (!caller.scope().prefix().equals(county)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "city-office-only", "仅市扶贫办可操作",
                    "年度工作方案和系统功能的开通、关闭由市扶贫办（全市范围的 city-officer）负责");
        }
    }

    static List<FieldError> problems(int year, Instant closeAt, List<Phase> phases, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Set<PhaseCode> seen = new HashSet<>();
        LocalDate previousStart = null;
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String at = "phases[" + i + "]";
            if (!seen.add(phase.code())) {
                errors.add(new FieldError(at + ".code", null, "阶段 " + phase.code() + " 重复"));
            }
            if (phase.endDate().getYear() != year || (phase.startDate() != null && phase.startDate().getYear() != year)) {
                errors.add(new FieldError(at, null, "阶段日期须在 " + year + " 年内"));
            }
            if (phase.startDate() != null) {
                if (phase.startDate().isAfter(phase.endDate())) {
                    errors.add(new FieldError(at + ".endDate", null, "结束日期不能早于开始日期"));
                }
                if (previousStart != null && phase.startDate().isBefore(previousStart)) {
                    errors.add(new FieldError(at + ".startDate", null, "阶段须按开始日期先后排列"));
                }
                previousStart = phase.startDate();
            }
        }
        if (!seen.contains(PhaseCode.DATA_ENTRY)) {
            errors.add(new FieldError("phases", null, "须含数据录入阶段（DATA_ENTRY）：功能开通后自该阶段起可写入"));
        }
        if (!closeAt.isAfter(now)) {
            errors.add(new FieldError("closeAt", null, "系统关闭时间不能在过去"));
        }
        return errors;
    }

    private static void requireHistoryKept(WorkPlan current, Instant closeAt, List<Phase> phases, LocalDate today) {
        for (Phase before : current.phases()) {
            Phase after = phases.stream().filter(p -> p.code() == before.code()).findFirst().orElse(null);
            if (before.endedBy(today) && !before.equals(after)) {
                throw ApiException.conflict("phase-ended", "“" + before.name() + "”阶段已于 " + before.endDate()
                        + " 结束，不能再修改");
            }
            if (before.startedBy(today) && (after == null || !before.startDate().equals(after.startDate()))) {
                throw ApiException.conflict("phase-started", "“" + before.name() + "”阶段已于 " + before.startDate()
                        + " 开始，不能修改开始日期");
            }
        }
    }
}
