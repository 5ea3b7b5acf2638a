package cn.fupin.review.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.security.Role;

/**
 * What reviewers read: their queue (cases waiting at the stage their role decides, in their area, oldest first,
 * with deadline flags), every case of their area, a case in full, and the city's counts by township and stage.
 */
@Service
public class ReviewQueries {

    private static final Duration DUE_SOON = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final ReviewCaseStore store;
    private final ReviewStages stages;
    private final DivisionTree areas;
    private final PublicityEvidence evidence;
    private final Clock clock;

    ReviewQueries(JdbcClient jdbc, ReviewCaseStore store, ReviewStages stages, DivisionTree areas,
            PublicityEvidence evidence, Clock clock) {
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.store = store;
        this.stages = stages;
        this.areas = areas;
        this.clock = clock;
    }

    public record Filter(boolean queue, CaseType type, CaseState state, Integer year, UUID subjectId, UUID requestId,
            int page, int size) {
    }

    public record Item(UUID id, CaseType caseType, CaseType.SubjectType subjectType, String subjectId,
            String areaCode, int year, CaseState state, Stage currentStage, int round, String headName,
            Instant openedAt, Instant stageEnteredAt, Instant deadline, boolean overdue, boolean dueSoon) {
    }

    public record Page(List<Item> items, int page, int size, long total) {
    }

    /** A case with everything reviewers decide on and everything decided so far. */
    public record Detail(ReviewCase reviewCase, List<ReviewCaseStore.Submission> submissions, Publicity publicity,
            List<Evidence> evidence, Instant deadline, boolean overdue) {
    }

    public record SummaryRow(String townshipCode, String townshipName, String stage, long waiting, long overdue) {
    }

    public Page list(Filter filter, Caller caller) {
        StringBuilder where = new StringBuilder("area_code like :scope");
        List<String> callerStages = new ArrayList<>();
        if (filter.queue()) {
            for (Stage stage : Stage.values()) {
                if (caller.has(stage.role())) {
                    callerStages.add(stage.name());
                }
            }
            where.append(" and (state = 'IN_REVIEW' and current_stage in (:stages)");
            where.append(caller.has(Role.VILLAGE_CLERK) ? " or state = 'RETURNED')" : ")");
            if (callerStages.isEmpty()) {
                callerStages.add("-");
            }
        }
        if (filter.type() != null) {
            where.append(" and case_type = :type");
        }
        if (filter.state() != null) {
            where.append(" and state = :state");
        }
        if (filter.year() != null) {
            where.append(" and year = :year");
        }
        if (filter.subjectId() != null) {
            where.append(" and subject_id = :subject");
        }
        if (filter.requestId() != null) {
            where.append(" and request_id = :request");
        }
        String order = filter.queue() ? "stage_entered_at, opened_at, id" : "opened_at desc, id";
        var count = bind(jdbc.sql("select count(*) from review_case where " + where), filter, caller, callerStages);
        long total = count.query(Long.class).single();
        var rows = bind(jdbc.sql("""
                select id, case_type, subject_type, subject_id, area_code, year, state, current_stage, round, head_name,
                    opened_at, stage_entered_at from review_case where %s order by %s limit :limit offset :offset"""
                .formatted(where, order)), filter, caller, callerStages)
                .param("limit", filter.size()).param("offset", (long) filter.page() * filter.size());
        Instant now = clock.instant();
        List<Item> items = rows.query((rs, n) -> {
            Stage stage = rs.getString("current_stage") == null ? null : Stage.valueOf(rs.getString("current_stage"));
            Instant entered = rs.getTimestamp("stage_entered_at") == null ? null
                    : rs.getTimestamp("stage_entered_at").toInstant();
            Instant deadline = deadline(stage, entered);
            return new Item(rs.getObject("id", UUID.class), CaseType.valueOf(rs.getString("case_type")),
                    CaseType.SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_id"),
                    rs.getString("area_code"), rs.getInt("year"), CaseState.valueOf(rs.getString("state")), stage,
                    rs.getInt("round"), rs.getString("head_name"), rs.getTimestamp("opened_at").toInstant(), entered,
                    deadline, overdue(deadline, now), deadline != null && !overdue(deadline, now)
                            && now.isAfter(deadline.minus(DUE_SOON)));
        }).list();
        return new Page(items, filter.page(), filter.size(), total);
    }

    public Optional<Detail> detail(UUID id, Caller caller) {
        return store.find(id, caller.scope()).map(reviewCase -> {
            Instant deadline = deadline(reviewCase.currentStage(), reviewCase.stageEnteredAt());
            return new Detail(reviewCase, store.submissions(id),
                    store.publicity(id, reviewCase.round()).orElse(null), evidence.of(id), deadline,
                    overdue(deadline, clock.instant()));
        });
    }

    /** Cases under way in the caller's area by township and stage ({@code RETURNED}: back with the submitter). */
    public List<SummaryRow> summary(Integer year, Caller caller) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select substr(area_code, 1, 9) as township, coalesce(current_stage, 'RETURNED') as stage,
                    count(*) as waiting,
                    count(*) filter (where (current_stage = 'VILLAGE' and stage_entered_at < :village)
                        or (current_stage = 'TOWNSHIP' and stage_entered_at < :township)
                        or (current_stage = 'CITY' and stage_entered_at < :city)) as overdue
                from review_case
                where area_code like :scope and state in ('IN_REVIEW', 'RETURNED')
                    and (cast(:year as integer) is null or year = :year)
                group by 1, 2 order by 1, 2""")
                .param("scope", caller.scope().prefix() + "%").param("year", year)
                .param("village", Timestamp.from(now.minus(stages.durationOf(Stage.VILLAGE))))
                .param("township", Timestamp.from(now.minus(stages.durationOf(Stage.TOWNSHIP))))
                .param("city", Timestamp.from(now.minus(stages.durationOf(Stage.CITY))))
                .query((rs, n) -> new SummaryRow(rs.getString(1),
                        areas.find(rs.getString(1)).map(DivisionTree.Division::name).orElse(rs.getString(1)),
                        rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private Instant deadline(Stage stage, Instant entered) {
        return stage == null || entered == null ? null : entered.plus(stages.durationOf(stage));
    }

    private static boolean overdue(Instant deadline, Instant now) {
        return deadline != null && now.isAfter(deadline);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, Caller caller,
            List<String> callerStages) {
        spec = spec.param("scope", caller.scope().prefix() + "%");
        if (filter.queue()) {
            spec = spec.param("stages", callerStages);
        }
        if (filter.type() != null) {
            spec = spec.param("type", filter.type().name());
        }
        if (filter.state() != null) {
            spec = spec.param("state", filter.state().name());
        }
        if (filter.year() != null) {
            spec = spec.param("year", filter.year());
        }
        if (filter.subjectId() != null) {
            spec = spec.param("subject", filter.subjectId().toString());
        }
        if (filter.requestId() != null) {
            spec = spec.param("request", filter.requestId());
        }
        return spec;
    }
}
