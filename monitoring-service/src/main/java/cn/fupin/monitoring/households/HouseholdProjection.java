package cn.fupin.monitoring.households;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import cn.fupin.monitoring.households.HouseholdSummary.BasicNeeds;
import cn.fupin.monitoring.households.HouseholdSummary.MemberSummary;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.InvalidEventException;
import cn.fupin.platform.events.NewestVersions;
import cn.fupin.platform.inbox.EventBatches;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@link HouseholdSummaries} from {@code household.events}: each event carries the state it changed
 * (event-carried state transfer), an event older than what the projection holds changes nothing, each event is
 * applied once. Events the projection does not need are skipped; a known event of an unknown version is
 * dead-lettered.
 */
@Component
class HouseholdProjection {

    static final String CONSUMER = "monitoring.households";
    private static final Set<String> READ = Set.of("HouseholdRegistered", "HouseholdImported", "MemberAdded",
            "MemberRemoved",
            "HouseholdUpdated", "AnnualRecordSubmitted", "HouseholdIdentified", "HouseholdExited",
            "HouseholdReturnedToPoverty", "HouseholdConfirmed", "HouseholdCleared");
    /** MemberAdded v2 carries the member as one object (v1: its fields beside the household's). */
    private static final NewestVersions UNDERSTOOD = NewestVersions.of(Map.of("MemberAdded", 2));
    private static final String HEAD = "01";

    private final EventBatches batches;
    private final HouseholdSummaries summaries;
    private final ApplicationEventPublisher publisher;

    HouseholdProjection(EventBatches batches, HouseholdSummaries summaries, ApplicationEventPublisher publisher) {
        this.batches = batches;
        this.summaries = summaries;
        this.publisher = publisher;
    }

    /** A poll's records at once, in one transaction ({@link EventBatches}): an import's households come by thousands. */
    @KafkaListener(topics = "household.events", groupId = "monitoring-service.households", batch = "true")
    void on(List<String> records) {
        batches.consume(CONSUMER, records, event -> READ.contains(event.eventName()) ? this::apply : null,
                events -> summaries.readAhead(events.stream().map(HouseholdProjection::householdId).toList()),
                UNDERSTOOD);
    }

    private static UUID householdId(EventEnvelope event) {
        return UUID.fromString(event.data().required("householdId").asString());
    }

    private void apply(EventEnvelope event) {
        JsonNode data = event.data();
        UUID id = householdId(event);
        HouseholdSummary before = summaries.findForUpdate(id).orElse(null);
        if (before != null && event.sequence() <= before.lastSequence()) {
            return;
        }
        boolean first = Set.of("HouseholdRegistered", "HouseholdImported").contains(event.eventName());
        if (before == null && !first) {
            throw new InvalidEventException("户 " + id + " 的 " + event.eventName() + " 先于登记事件到达");
        }
        HouseholdSummary after = switch (event.eventName()) {
            case "HouseholdRegistered" -> registered(id, data, event.sequence());
            case "HouseholdImported" -> imported(id, data, event.sequence());
            case "MemberAdded" -> memberAdded(before, event.version() == 1 ? data : data.required("member"), data,
                    event.sequence());
            case "MemberRemoved" -> memberRemoved(before, data, event.sequence());
            case "HouseholdUpdated" -> updated(before, data, event.sequence());
            case "AnnualRecordSubmitted" -> annualRecord(before, data, event.sequence());
            default -> withBase(before, data, before.members(), before.headIdHash(), before.causes(),
                    event.sequence());
        };
        summaries.save(after);
        publisher.publishEvent(new HouseholdChanged(before, after, event));
    }

    private static HouseholdSummary registered(UUID id, JsonNode data, long sequence) {
        List<MemberSummary> members = new ArrayList<>();
        data.path("members").forEach(member -> members.add(member(member)));
        List<String> causes = new ArrayList<>();
        data.path("causes").forEach(cause -> causes.add(cause.asString()));
        return new HouseholdSummary(id, data.required("divisionCode").asString(), data.required("category").asString(),
                data.required("status").asString(), data.required("size").asInt(), text(data, "headName"),
                headHash(members), members, causes, null, null, null, sequence);
    }

    /** A household from the national registry, with the year's record it may carry. */
    private static HouseholdSummary imported(UUID id, JsonNode data, long sequence) {
        HouseholdSummary household = registered(id, data, sequence);
        JsonNode record = data.path("annualRecord");
        return record.isObject() ? annualRecord(household, record, sequence) : household;
    }

    private static HouseholdSummary memberAdded(HouseholdSummary before, JsonNode member, JsonNode data,
            long sequence) {
        List<MemberSummary> members = new ArrayList<>(before.members());
        members.add(member(member));
        return withBase(before, data, members, headHash(members), before.causes(), sequence);
    }

    private static HouseholdSummary memberRemoved(HouseholdSummary before, JsonNode data, long sequence) {
        String gone = data.required("memberId").asString();
        List<MemberSummary> members = before.members().stream().map(m -> m.memberId().toString().equals(gone)
                ? new MemberSummary(m.memberId(), m.relation(), m.health(), m.labourSkill(), m.idNumberHash(), false)
                : m).toList();
        return withBase(before, data, members, headHash(members), before.causes(), sequence);
    }

    private static HouseholdSummary updated(HouseholdSummary before, JsonNode data, long sequence) {
        List<MemberSummary> members = before.members();
        if (data.hasNonNull("members")) {
            List<MemberSummary> replaced = new ArrayList<>();
            data.get("members").forEach(member -> replaced.add(member(member)));
            members = replaced;
        }
        List<String> causes = before.causes();
        if (data.hasNonNull("causes")) {
            List<String> given = new ArrayList<>();
            data.get("causes").forEach(cause -> given.add(cause.asString()));
            causes = given;
        }
        HouseholdSummary after = withBase(before, data, members,
                headHash(members) != null ? headHash(members) : before.headIdHash(), causes, sequence);
        return data.hasNonNull("headName") ? after.withHeadName(data.get("headName").asString()) : after;
    }

    private static HouseholdSummary annualRecord(HouseholdSummary before, JsonNode data, long sequence) {
        int year = data.required("year").asInt();
        HouseholdSummary base = withBase(before, data, before.members(), before.headIdHash(), before.causes(),
                sequence);
        if (before.incomeYear() != null && before.incomeYear() > year) {
            return base;
        }
        JsonNode conditions = data.path("conditions");
        BasicNeeds needs = conditions.isObject() ? new BasicNeeds(bool(conditions, "noCompulsoryEducationDropout"),
                bool(conditions, "basicMedicalInsurance"), bool(conditions, "safeHousing"),
                bool(conditions, "safeDrinkingWater")) : null;
        return new HouseholdSummary(base.householdId(), base.divisionCode(), base.category(), base.status(),
                base.size(), base.headName(), base.headIdHash(), base.members(), base.causes(), year,
                new BigDecimal(data.required("perCapitaIncome").asString()), needs, sequence);
    }

    /** Location, category, status and size as the event states them now. */
    private static HouseholdSummary withBase(HouseholdSummary before, JsonNode data, List<MemberSummary> members,
            String headHash, List<String> causes, long sequence) {
        return new HouseholdSummary(before.householdId(), data.path("divisionCode").asString(before.divisionCode()),
                data.path("category").asString(before.category()), data.path("status").asString(before.status()),
                data.path("size").asInt(before.size()), before.headName(), headHash, members, causes,
                before.incomeYear(), before.perCapitaIncome(), before.basicNeeds(), sequence);
    }

    private static MemberSummary member(JsonNode member) {
        List<String> health = new ArrayList<>();
        member.path("health").forEach(code -> health.add(code.asString()));
        return new MemberSummary(UUID.fromString(member.required("memberId").asString()),
                member.path("relation").asString(null), health, text(member, "labourSkill"),
                text(member, "idNumberHash"), member.path("active").asBoolean(true));
    }

    private static String headHash(List<MemberSummary> members) {
        return members.stream().filter(m -> m.active() && HEAD.equals(m.relation())).map(MemberSummary::idNumberHash)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asBoolean() : null;
    }
}
