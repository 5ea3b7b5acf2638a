package cn.fupin.household.household;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.household.ImportedHousehold.ImportedMember;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.jdbc.CopyRows;
import cn.fupin.platform.pii.StoredIdNumbers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads households from the national registry in batches. A batch is first checked and made ready to write with no
 * database ({@link #check}: the rules of a registration, {@link RegistrationRules#checkImported}, and each good
 * household drafted as it would be copied in, personal data sealed), so that an import can do this for one batch
 * while the batch before is written; then, inside the caller's transaction ({@link #importBatch}), it is checked
 * against the registry in one query for its ID numbers and one for its household numbers, and its new households
 * are copied in together ({@link HouseholdCopies}), each announced by one {@link HouseholdImported} event once the
 * year's record taken over with it is known ({@link #announce}). A household already loaded with the same rows is
 * left as it is.
 */
@Service
public class RegistryImports {

    private final HouseholdCopies copies;
    private final HouseholdRepository households;
    private final RegistrationRules rules;
    private final StoredIdNumbers idNumbers;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    RegistryImports(HouseholdCopies copies, HouseholdRepository households, RegistrationRules rules, StoredIdNumbers idNumbers, JdbcTemplate jdbc,
            ApplicationEventPublisher events, JsonMapper json) {
        this.copies = copies;
        this.households = households;
        this.rules = rules;
        this.idNumbers = idNumbers;
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    /**
     * What became of each household of a batch, by its index there: created, unchanged, corrected ({@code changed}:
     * a newer export's differences applied, but for what {@code notApplied} says), refused.
     *
     * @param written the households created or corrected, as written
     * @param kept every household of the batch in the registry now (written, or left as it was), by its id
     */
    public record BatchOutcome(List<Integer> created, List<Integer> unchanged, List<Integer> changed,
            Map<Integer, List<FieldError>> refused, Map<Integer, List<String>> notApplied,
            Map<Integer, Household> written, Map<Integer, UUID> kept) {
    }

    /**
     * A batch as the export gave it, checked by the rules and its good households drafted ({@link #check}), to be
     * written by {@link #importBatch}.
     */
    public static final class CheckedBatch {

        private final List<ImportedHousehold> households;
        private final Map<Integer, List<FieldError>> refused;
        private final Map<Integer, Draft> drafts;
        private final HouseholdImported.Origin origin;

        private CheckedBatch(List<ImportedHousehold> households, Map<Integer, List<FieldError>> refused,
                Map<Integer, Draft> drafts, HouseholdImported.Origin origin) {
            this.households = households;
            this.refused = refused;
            this.drafts = drafts;
            this.origin = origin;
        }
    }

    /**
     * A household that passed the rules, as it would be written new: its digest, its members' ID-number search
     * keys, the household with its event, and its rows (its own, its members', its helpers', the registry's).
     */
    private record Draft(String digest, List<List<String>> searchKeys, Household household, HouseholdCopies.Rows rows,
            CopyRows registry) {
    }

    /**
     * Checks a batch with the rules of a registration and drafts each household that passes them and whose rows
     * could all be read; touches no database, so it may run on any thread.
     *
     * @param unreadable the households whose rows could not all be read: checked, never written
     * @param currentYear the work year: no history after it
     */
    public CheckedBatch check(List<ImportedHousehold> batch, Set<Integer> unreadable, HouseholdImported.Origin origin,
            int currentYear) {
        Map<Integer, List<FieldError>> refused = new LinkedHashMap<>();
        Map<Integer, Draft> drafts = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            List<FieldError> errors = rules.checkImported(batch.get(i), currentYear);
            if (!errors.isEmpty()) {
                refused.put(i, errors);
            }
            else if (!unreadable.contains(i)) {
                drafts.put(i, draft(batch.get(i), origin));
            }
        }
        return new CheckedBatch(batch, refused, drafts, origin);
    }

    private Draft draft(ImportedHousehold form, HouseholdImported.Origin origin) {
        List<Member> members = form.members().stream().map(m -> Member.fromForm(m.member(), null)).toList();
        Household household = Household.imported(form, members, origin);
        List<List<String>> keys = members.stream().map(member -> idNumbers.searchKeys(member.idNumber().value())).toList();
        String digest = digest(form);
        Map<String, String> persons = new LinkedHashMap<>();
        for (int m = 0; m < form.members().size(); m++) {
            String number = form.members().get(m).registryNumber();
            if (number != null && !number.isBlank()) {
                persons.put(members.get(m).memberId().toString(), number);
            }
        }
        CopyRows registry = new CopyRows(512);
        registry.add(household.getId()).add(form.registryNumber()).add(form.status().name())
                .add(form.history().identifiedYear()).add(form.history().exitedYear())
                .add(form.history().returnedYear()).add(json.writeValueAsString(persons)).add(digest)
                .add(origin.importId()).add(origin.importedAt());
        ImportedHousehold.RegistryMonitoring monitoring = form.monitoring();
        registry.add(monitoring == null ? null : monitoring.objectType())
                .add(monitoring == null ? null : monitoring.year())
                .add(monitoring == null ? null : monitoring.risks())
                .add(monitoring != null && monitoring.riskCleared())
                .add(monitoring == null ? null : monitoring.clearedYear()).end();
        return new Draft(digest, keys, household, copies.rows(household), registry);
    }

    /**
     * Writes a checked batch when {@code write}: its good new households (announced by {@link #announce}), and the
     * corrections of those a newer export states otherwise. An import that will not be kept (all or nothing, and a
     * row already refused) goes on checking without writing, so that it reports every bad row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BatchOutcome importBatch(CheckedBatch batch, boolean write) {
        List<ImportedHousehold> households = batch.households;
        Map<Integer, List<FieldError>> refused = new LinkedHashMap<>(batch.refused);
        Map<String, Loaded> loaded = loaded(households);
        List<Integer> created = new ArrayList<>();
        List<Integer> unchanged = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            Draft draft = batch.drafts.get(i);
            if (draft == null) {
                continue;
            }
            Loaded before = loaded.get(households.get(i).registryNumber());
            if (before == null) {
                created.add(i);
            }
            else if (before.digest().equals(draft.digest())) {
                unchanged.add(i);
            }
            else {
                changed.add(i);
            }
        }
        heldElsewhere(batch, created).forEach((i, errors) -> {
            refused.put(i, errors);
            created.remove(Integer.valueOf(i));
        });
        Map<Integer, Household> written = new LinkedHashMap<>();
        Map<Integer, UUID> kept = new LinkedHashMap<>();
        if (write && !created.isEmpty()) {
            copies.insert(created.stream().map(i -> batch.drafts.get(i).rows()).toList());
            CopyRows registry = new CopyRows();
            created.forEach(i -> registry.addRows(batch.drafts.get(i).registry()));
            copies.copy("household_registry", """
                    household_id, registry_number, status, identified_year, exited_year, returned_year, person_numbers,
                    digest, import_id, imported_at, monitoring_type, monitoring_year, monitoring_risks, risk_cleared,
                    risk_cleared_year""", registry);
            created.forEach(i -> written.put(i, batch.drafts.get(i).household()));
        }
        Map<Integer, List<String>> notApplied = new LinkedHashMap<>();
        if (write) {
            for (int i : changed) {
                Loaded before = loaded.get(households.get(i).registryNumber());
                List<String> left = new ArrayList<>();
                written.put(i, correct(households.get(i), before, batch.drafts.get(i).digest(), batch.origin, left));
                if (!left.isEmpty()) {
                    notApplied.put(i, left);
                }
            }
            written.forEach((i, household) -> kept.put(i, household.getId()));
            unchanged.forEach(i -> kept.put(i, loaded.get(households.get(i).registryNumber()).householdId()));
        }
        return new BatchOutcome(created, unchanged, changed, refused, notApplied, written, kept);
    }

    /**
     * Announces the households a batch created, each by its {@link HouseholdImported} with the year's record taken
     * over with it ({@code records}, by household; none for a household without): written past the repository, their
     * events are raised here, as saving them would have. Households a batch corrected announced themselves as they
     * were saved.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(BatchOutcome outcome, Map<UUID, YearFigures> records) {
        for (int i : outcome.created()) {
            Household household = outcome.written().get(i);
            if (household == null) {
                continue;
            }
            for (Object event : household.pendingEvents()) {
                events.publishEvent(event instanceof HouseholdImported imported
                        ? imported.withAnnualRecord(records.get(household.getId())) : event);
            }
        }
    }

    private record Loaded(UUID householdId, String digest, PovertyStatus status, Map<String, String> persons,
            String monitoringType, boolean riskCleared) {
    }

    private Map<String, Loaded> loaded(List<ImportedHousehold> batch) {
        Map<String, Loaded> loaded = new HashMap<>();
        String[] numbers = batch.stream().map(ImportedHousehold::registryNumber).filter(Objects::nonNull)
                .toArray(String[]::new);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "select registry_number, household_id, digest, status, person_numbers::text, monitoring_type,"
                            + " risk_cleared from household_registry where registry_number = any(?)");
            statement.setArray(1, connection.createArrayOf("text", numbers));
            return statement;
        }, rs -> {
            loaded.put(rs.getString(1), new Loaded(rs.getObject(2, UUID.class), rs.getString(3),
                    PovertyStatus.valueOf(rs.getString(4)), json.readValue(rs.getString(5),
                            new TypeReference<Map<String, String>>() { }), rs.getString(6), rs.getBoolean(7)));
        });
        return loaded;
    }

    /**
     * The new households with a member whose ID number an active member of another household already holds: one
     * query for the batch.
     */
    private Map<Integer, List<FieldError>> heldElsewhere(CheckedBatch batch, List<Integer> candidates) {
        Map<String, List<int[]>> byKey = new HashMap<>();
        for (int i : candidates) {
            List<List<String>> keys = batch.drafts.get(i).searchKeys();
            for (int m = 0; m < keys.size(); m++) {
                for (String key : keys.get(m)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] { i, m });
                }
            }
        }
        Map<Integer, List<FieldError>> refused = new LinkedHashMap<>();
        if (byKey.isEmpty()) {
            return refused;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select a.id_number_hash, r.registry_number from active_id_number a
                    left join household_registry r on r.household_id = a.household_id
                    where a.id_number_hash = any(?)""");
            Array keys = connection.createArrayOf("text", byKey.keySet().toArray());
            statement.setArray(1, keys);
            return statement;
        }, rs -> {
            String holder = rs.getString(2);
            for (int[] place : byKey.get(rs.getString(1))) {
                refused.computeIfAbsent(place[0], i -> new ArrayList<>()).add(new FieldError(
                        "members[" + place[1] + "].idNumber", "A4", holder == null ? "证件号码已由库中另一户的成员持有"
                                : "证件号码已由库中另一户（户编号 " + holder + "）的成员持有"));
            }
        });
        return refused;
    }

    /**
     * A household loaded before, read again with other rows: its differences applied as corrections (their events
     * carry the import's correlation id, so each names its source), the registry's record brought up to date. A member
     * the newer export no longer lists stays: a member leaves by form 3, with its reason and date, which an export
     * does not give; the import says so in its notices ({@code notApplied}).
     */
    private Household correct(ImportedHousehold form, Loaded before, String digest, HouseholdImported.Origin origin,
            List<String> notApplied) {
        Household household = households.findById(before.householdId()).orElseThrow();
        Map<String, UUID> byPersonNumber = new HashMap<>();
        before.persons().forEach((member, number) -> byPersonNumber.put(number, UUID.fromString(member)));
        List<Integer> known = new ArrayList<>();
        for (ImportedMember imported : form.members()) {
            UUID memberId = byPersonNumber.get(imported.registryNumber());
            String idNumber = idNumberOf(imported.member());
            int index = -1;
            for (int m = 0; m < household.getMembers().size(); m++) {
                Member member = household.getMembers().get(m);
                if (member.active() && (member.memberId().equals(memberId)
                        || member.idNumber().value().equals(idNumber))) {
                    index = m;
                }
            }
            known.add(index);
        }
        List<String> missing = new ArrayList<>();
        for (int m = 0; m < household.getMembers().size(); m++) {
            Member member = household.getMembers().get(m);
            if (member.active() && !known.contains(m)) {
                missing.add("成员 " + member.name() + " 不在新的导出中：本系统未作减少；家庭成员自然减少须按表 3 办理（减少原因与日期）");
            }
        }
        notApplied.addAll(household.correctFromRegistry(form, before.status(), known, origin.importedAt()));
        notApplied.addAll(missing);
        ImportedHousehold.RegistryMonitoring monitoring = form.monitoring();
        if (!Objects.equals(before.monitoringType(), monitoring == null ? null : monitoring.objectType())
                || before.riskCleared() != (monitoring != null && monitoring.riskCleared())) {
            notApplied.add("国扶系统中该户的监测信息已变化：监测对象的纳入与风险消除在本系统须按表 4、表 5 经审核办理，未按导出更改");
        }
        households.save(household);
        Map<String, String> persons = new LinkedHashMap<>(before.persons());
        for (ImportedMember imported : form.members()) {
            String number = imported.registryNumber();
            String idNumber = idNumberOf(imported.member());
            if (number != null && !number.isBlank()) {
                household.getMembers().stream()
                        .filter(member -> member.active() && member.idNumber().value().equals(idNumber)).findFirst()
                        .ifPresent(member -> persons.put(member.memberId().toString(), number));
            }
        }
        jdbc.update("""
                update household_registry set status = ?, identified_year = ?, exited_year = ?, returned_year = ?,
                    person_numbers = cast(? as jsonb), digest = ?, import_id = ?, imported_at = ?,
                    monitoring_type = ?, monitoring_year = ?, monitoring_risks = string_to_array(?, ','),
                    risk_cleared = ?, risk_cleared_year = ?
                where household_id = ?""", form.status().name(), form.history().identifiedYear(),
                form.history().exitedYear(), form.history().returnedYear(), json.writeValueAsString(persons), digest,
                origin.importId(), Timestamp.from(origin.importedAt()),
                monitoring == null ? null : monitoring.objectType(), monitoring == null ? null : monitoring.year(),
                monitoring == null ? null : String.join(",", monitoring.risks()),
                monitoring != null && monitoring.riskCleared(), monitoring == null ? null : monitoring.clearedYear(),
                before.householdId());
        return household;
    }

    private static String idNumberOf(NewMember member) {
        return Member.normalisedIdNumber(member.idType(), member.idNumber()).value();
    }

    /** The household's rows as read, in one value: the same rows give the same digest. */
    static String digest(ImportedHousehold household) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(household.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
