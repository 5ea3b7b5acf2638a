package cn.fupin.household.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 扶贫对象户: a household the policy serves, with its members. State changes go through methods with business
 * names that guard the invariants and register the events other services learn from.
 */
@Table("household")
public class Household extends AbstractAggregateRoot<Household> {

    @Id
    private final UUID id;
    private final Category category;
    private PovertyStatus status;
    private final String divisionCode;
    private String naturalVillage;
    private String phone;
    private int size;
    @MappedCollection(idColumn = "household_id", keyColumn = "ordinal")
    private final List<Member> members;
    @Version
    private Long version;
    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Household(UUID id, Category category, PovertyStatus status, String divisionCode, String naturalVillage,
            String phone, int size, List<Member> members, Long version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.category = category;
        this.status = status;
        this.divisionCode = divisionCode;
        this.naturalVillage = naturalVillage;
        this.phone = phone;
        this.size = size;
        this.members = members;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * Registers a household (form 1 candidate or form 4 marginal household) with its first members; the
     * caller has validated the data ({@link RegistrationRules}).
     */
    public static Household register(Category category, String divisionCode, String naturalVillage, String phone,
            List<Member> members, Instant now) {
        Household household = new Household(UUID.randomUUID(), category, PovertyStatus.initialFor(category),
                divisionCode, naturalVillage, phone, (int) members.stream().filter(Member::active).count(),
                List.copyOf(members), null, now, now);
        household.registerEvent(HouseholdRegistered.of(household));
        return household;
    }

    public UUID getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public PovertyStatus getStatus() {
        return status;
    }

    public String getDivisionCode() {
        return divisionCode;
    }

    public String getNaturalVillage() {
        return naturalVillage;
    }

    public String getPhone() {
        return phone;
    }

    /** Members living in the household this year (active members). */
    public int getSize() {
        return size;
    }

    public List<Member> getMembers() {
        return List.copyOf(members);
    }

    public Long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
