package cn.fupin.household.household;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.MutableAggregateChange;
import org.springframework.data.relational.core.mapping.event.BeforeSaveCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.platform.pii.IdNumberHash;

/**
 * While the ID-hash key is rotated, the registry's key on living ID numbers ({@code active_id_number}) compares
 * hashes of one key only: a number whose living holder is still stored under the previous key is another key to it.
 * So every household saved during a rotation asks here whether one of its living members' numbers is held, under
 * the previous key, by a member of another household, and is refused as the key refuses a duplicate. The rotation
 * takes each holder to the new key in a transaction of its own ({@link IdNumberRehashing}): a number is found under
 * one key or the other, never under neither.
 */
@Component
class HeldUnderPreviousHashKey implements BeforeSaveCallback<Household> {

    private final IdNumberHash idHash;
    private final JdbcClient jdbc;

    HeldUnderPreviousHashKey(IdNumberHash idHash, JdbcClient jdbc) {
        this.idHash = idHash;
        this.jdbc = jdbc;
    }

    @Override
    public Household onBeforeSave(Household household, MutableAggregateChange<Household> change) {
        if (!idHash.rotating()) {
            return household;
        }
        List<Member> living = household.getMembers().stream().filter(Member::active)
                .filter(member -> member.idNumber() != null).toList();
        List<String> previous = living.stream().map(member -> idHash.previous(member.idNumber().value()))
                .flatMap(Optional::stream).toList();
        if (previous.isEmpty()) {
            return household;
        }
        List<UUID> own = household.getMembers().stream().map(Member::memberId).toList();
        boolean held = jdbc.sql("""
                select exists (select 1 from active_id_number
                               where id_number_hash in (:previous) and member_id <> all(:own))""")
                .param("previous", previous).param("own", own.toArray(UUID[]::new)).query(Boolean.class).single();
        if (held) {
            throw new DuplicateKeyException("a living member's ID number is held under the previous hash key");
        }
        return household;
    }
}
