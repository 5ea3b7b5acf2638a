package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.platform.pii.IdNumberHash;

/**
 * Shapes the household's own events that carry ID numbers for publication (Spring Data raises the aggregate's
 * registered events on save): ID numbers never leave; a member is published with the keyed hash of its number,
 * which lets monitoring find a household by its head's number. The shaped events go to the outbox like every other
 * {@link HouseholdEvent}, in the transaction that saved the aggregate.
 */
@Component
class HouseholdEvents {

    private final ApplicationEventPublisher events;
    private final IdNumberHash idHash;
    private final int memberAddedVersion;

    /**
     * @param memberAddedVersion the version of {@code MemberAdded} published: 1 until every consumer understands 2,
     *        then 2 (docs/operations.md: upgrading an event's version)
     */
    HouseholdEvents(ApplicationEventPublisher events, IdNumberHash idHash,
            @Value("${fupin.events.publish.member-added:1}") int memberAddedVersion) {
        if (memberAddedVersion != 1 && memberAddedVersion != 2) {
            throw new IllegalArgumentException("fupin.events.publish.member-added is 1 or 2, not " + memberAddedVersion);
        }
        this.events = events;
        this.idHash = idHash;
        this.memberAddedVersion = memberAddedVersion;
    }

    /** A member as published: the facts other services keep, the ID number as its keyed hash. */
    record PublishedMember(UUID memberId, String relation, String gender, Integer birthYear, boolean active,
            String idNumberHash, List<String> health, String labourSkill) {
    }

    record Registered(UUID householdId, Category category, PovertyStatus status, String divisionCode,
            String naturalVillage, int size, String headName, LocalDate appliedOn, List<String> risks,
            List<PublishedMember> members) implements HouseholdEvent {

        @Override
        public String eventType() {
            return "HouseholdRegistered";
        }
    }

    record Added(UUID householdId, String divisionCode, Category category, PovertyStatus status, UUID memberId,
            String relation, String gender, String idNumberHash, Integer birthYear, String ethnicity, String education,
            String studentStatus, List<String> health, String labourSkill, String reason, LocalDate effectiveDate,
            int size) implements HouseholdEvent {

        @Override
        public String eventType() {
            return "MemberAdded";
        }
    }

    /** {@code MemberAdded} v2: the member as the one object the household's other events carry their members as. */
    record AddedV2(UUID householdId, String divisionCode, Category category, PovertyStatus status,
            AddedMember member, String reason, LocalDate effectiveDate, int size) implements HouseholdEvent {

        @Override
        public String eventType() {
            return "MemberAdded";
        }

        @Override
        public int version() {
            return 2;
        }
    }

    /** A member added, as {@code MemberAdded} v2 carries it. */
    record AddedMember(UUID memberId, String relation, String gender, String idNumberHash, Integer birthYear,
            boolean active, String ethnicity, String education, String studentStatus, List<String> health,
            String labourSkill) {
    }

    record Updated(UUID householdId, String divisionCode, String naturalVillage, Category category,
            PovertyStatus status, int size, List<String> changedFields, String headName, List<String> causes,
            List<PublishedMember> members) implements HouseholdEvent {

        @Override
        public String eventType() {
            return "HouseholdUpdated";
        }
    }

    record Imported(UUID householdId, String registryNumber, Category category, PovertyStatus status,
            String divisionCode, String naturalVillage, int size, String headName, List<String> causes,
            ImportedHousehold.RegistryHistory history, ImportedHousehold.RegistryMonitoring monitoring,
            List<PublishedMember> members, HouseholdImported.Origin origin, YearFigures annualRecord)
            implements HouseholdEvent {

        @Override
        public String eventType() {
            return "HouseholdImported";
        }
    }

    @EventListener
    void on(HouseholdRegistered event) {
        events.publishEvent(new Registered(event.householdId(), event.category(), event.status(),
                event.divisionCode(), event.naturalVillage(), event.size(), event.headName(), event.appliedOn(), event.risks(),
                published(event.members())));
    }

    @EventListener
    void on(HouseholdImported event) {
        events.publishEvent(new Imported(event.householdId(), event.registryNumber(), event.category(),
                event.status(), event.divisionCode(), event.naturalVillage(), event.size(), event.headName(),
                event.causes(), event.history(), event.monitoring(), published(event.members()), event.origin(),
                event.annualRecord()));
    }

    @EventListener
    void on(HouseholdUpdated event) {
        events.publishEvent(new Updated(event.householdId(), event.divisionCode(), event.naturalVillage(),
                event.category(), event.status(), event.size(), event.changedFields(), event.headName(),
                event.causes(), published(event.members())));
    }

    @EventListener
    void on(MemberAdded event) {
        if (memberAddedVersion == 2) {
            events.publishEvent(new AddedV2(event.householdId(), event.divisionCode(), event.category(),
                    event.status(), new AddedMember(event.memberId(), event.relation(), event.gender(),
                            idHash.of(event.idNumber()), event.birthYear(), true, event.ethnicity(), event.education(),
                            event.studentStatus(), event.health(), event.labourSkill()),
                    event.reason(), event.effectiveDate(), event.size()));
            return;
        }
        events.publishEvent(new Added(event.householdId(), event.divisionCode(), event.category(), event.status(),
                event.memberId(), event.relation(), event.gender(), idHash.of(event.idNumber()), event.birthYear(),
                event.ethnicity(), event.education(), event.studentStatus(), event.health(), event.labourSkill(),
                event.reason(), event.effectiveDate(), event.size()));
    }

    private List<PublishedMember> published(List<HouseholdRegistered.RegisteredMember> members) {
        return members == null ? null : members.stream().map(m -> new PublishedMember(m.memberId(), m.relation(),
                m.gender(), m.birthYear(), m.active(), idHash.of(m.idNumber()), m.health(), m.labourSkill()))
                .toList();
    }
}
