package cn.fupin.household.household;

import java.util.List;
import java.util.UUID;

/**
 * 户主变更: the living member who becomes 户主, and the relation to him of the present head and of any other member
 * whose relation changes with him.
 *
 * @param newHeadMemberId the new head
 * @param relations A5 of the members named, to the new head
 * @param reason 变更依据, kept in the history
 */
public record HeadChange(UUID newHeadMemberId, List<Relation> relations, String reason) {

    public HeadChange {
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** One member's relation to the new head (A5). */
    public record Relation(UUID memberId, String relation) {
    }
}
