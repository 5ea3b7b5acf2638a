package cn.fupin.household.household;

import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A member as the registry files him: under his household's area, the key the member table is partitioned by
 * (migration 33). The household keeps its members so; everything else sees the {@link Member}.
 */
@Table("member")
record FiledMember(String divisionCode, @Embedded.Empty Member member) {
}
