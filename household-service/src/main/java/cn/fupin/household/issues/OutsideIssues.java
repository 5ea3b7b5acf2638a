package cn.fupin.household.issues;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.household.household.AreaRange;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.security.AreaScope;

/**
 * Problems found outside the quality rules — imported lists, department data that disagrees with an entry — as
 * data issues (OPEN, with {@code DataIssueRaised}); the same problem still unresolved is not raised twice.
 */
@Component
public class OutsideIssues {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StoredIdNumbers stored;

    OutsideIssues(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, StoredIdNumbers stored) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.stored = stored;
    }

    /** Where a problem is: the member of a household of a village. */
    public record Target(UUID householdId, UUID memberId, String divisionCode) {
    }

    /** The active member holding the ID number inside the area, as outside lists name people. */
    public Optional<Target> holderOf(String idNumber, AreaScope scope) {
        return jdbc.sql("""
                select m.household_id, m.member_id, m.division_code from member m
                where m.id_number_hash = any(:keys) and m.active and %s""".formatted(AreaRange.of("m")))
                .param("keys", stored.searchKeys(idNumber).toArray(String[]::new))
                .param("area", scope.prefix())
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)))
                .optional();
    }

    /** Registers the problem unless the same one is still unresolved; true when it was new. */
    public boolean raise(Target target, int year, String rule, String origin, String message) {
        String fingerprint = String.join("|", target.householdId().toString(), String.valueOf(year), rule,
                String.valueOf(target.memberId()), HexFormat.of().toHexDigits(message.hashCode()));
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                insert into data_issue (id, household_id, member_id, division_code, year, rule_code, severity, origin,
                    message, status, fingerprint, created_at, updated_at)
                values (:id, :household, :member, :division, :year, :rule, 'FINDING', :origin, :message, 'OPEN',
                    :fingerprint, :now, :now)
                on conflict do nothing""")
                .param("id", id).param("household", target.householdId()).param("member", target.memberId())
                .param("division", target.divisionCode()).param("year", year).param("rule", rule)
                .param("origin", origin).param("message", message).param("fingerprint", fingerprint)
                .param("now", now).update();
        if (inserted == 1) {
            events.publishEvent(new DataIssueRaised(id, target.householdId(), target.memberId(), target.divisionCode(), year,
                            rule, "FINDING", origin, null, null, message, "OPEN"));
        }
        return inserted == 1;
    }
}
