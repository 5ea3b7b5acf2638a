package cn.fupin.household.household;

import org.springframework.context.event.EventListener;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;

import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;
import cn.fupin.platform.pii.IdNumberHash;

/**
 * Hands the household events other services need to the outbox, inside the transaction that saved the
 * aggregate (Spring Data publishes the aggregate's registered events on save). ID numbers never leave: a member
 * is published with the keyed hash of its number, which lets monitoring find a household by its head's number.
 */
@Component
class HouseholdEvents {

    static final String AGGREGATE = "household";

    private final Outbox outbox;
    private final IdNumberHash idHash;

    HouseholdEvents(Outbox outbox, IdNumberHash idHash) {
        this.outbox = outbox;
        this.idHash = idHash;
    }

    /** A member as published: the facts other services keep, the ID number as its keyed hash. */
    record PublishedMember(java.util.UUID memberId, String relation, String gender, Integer birthYear,
            boolean active, String idNumberHash, java.util.List<String> health, String labourSkill) {
    }

    record Registered(java.util.UUID householdId, Category category, PovertyStatus status, String divisionCode,
            String naturalVillage, int size, String headName, java.util.List<PublishedMember> members) {
    }

    record Added(java.util.UUID householdId, String divisionCode, Category category, PovertyStatus status,
            java.util.UUID memberId, String relation, String gender, String idNumberHash, Integer birthYear,
            String ethnicity, String education, String studentStatus, java.util.List<String> health,
            String labourSkill, String reason, java.time.LocalDate effectiveDate, int size) {
    }

    record Updated(java.util.UUID householdId, String divisionCode, String naturalVillage, Category category,
            PovertyStatus status, int size, java.util.List<String> changedFields, String headName,
            java.util.List<String> causes, java.util.List<PublishedMember> members) {
    }

    @EventListener
    void on(HouseholdRegistered event) {
        append(event.householdId(), event.divisionCode(), "HouseholdRegistered", new Registered(event.householdId(),
                event.category(), event.status(), event.divisionCode(), event.naturalVillage(), event.size(),
                event.headName(), published(event.members())));
    }

    private java.util.List<PublishedMember> published(java.util.List<HouseholdRegistered.RegisteredMember> members) {
        return members == null ? null : members.stream().map(m -> new PublishedMember(m.memberId(), m.relation(),
                m.gender(), m.birthYear(), m.active(), idHash.of(m.idNumber()), m.health(), m.labourSkill()))
                .toList();
    }

    private void append(java.util.UUID householdId, String divisionCode, String name, Object payload) {
        outbox.append(new OutgoingEvent(AGGREGATE, householdId.toString(), divisionCode, name, 1, payload));
    }

    @EventListener
    void on(HelpersAssigned event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }

    @EventListener
    void on(HouseholdUpdated event) {
        append(event.householdId(), event.divisionCode(), "HouseholdUpdated", new Updated(event.householdId(),
                event.divisionCode(), event.naturalVillage(), event.category(), event.status(), event.size(),
                event.changedFields(), event.headName(), event.causes(), published(event.members())));
    }

    @EventListener
    void on(MemberAdded event) {
        append(event.householdId(), event.divisionCode(), "MemberAdded", new Added(event.householdId(),
                event.divisionCode(), event.category(), event.status(), event.memberId(), event.relation(),
                event.gender(), idHash.of(event.idNumber()), event.birthYear(), event.ethnicity(), event.education(),
                event.studentStatus(), event.health(), event.labourSkill(), event.reason(), event.effectiveDate(),
                event.size()));
    }

    @EventListener
    void on(StatusChanged event) {
        outbox.append(new OutgoingEvent(AGGREGATE, event.householdId().toString(), event.divisionCode(),
                event.eventName(), 1, new StatusChangedData(event.householdId(), event.divisionCode(),
                        event.category(), event.previousStatus(), event.status(), event.size(), event.year(),
                        event.effectiveDate(), event.caseId(), event.reason())));
    }

    /** The payload of the status events: the change without its name (that is the event's type). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusChangedData(java.util.UUID householdId, String divisionCode, Category category,
            PovertyStatus previousStatus, PovertyStatus status, int size, int year,
            java.time.LocalDate effectiveDate, java.util.UUID caseId, String reason) {
    }

    @EventListener
    void on(MemberRemoved event) {
        outbox.append(OutgoingEvent.of(AGGREGATE, event.householdId().toString(), event.divisionCode(), event));
    }
}
