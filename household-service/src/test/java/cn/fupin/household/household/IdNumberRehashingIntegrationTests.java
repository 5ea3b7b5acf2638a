package cn.fupin.household.household;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.events.EventSchemas;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.pii.PersonalDataCipher;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;
import cn.fupin.platform.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The ID-hash key rotated (docs/operations.md): the service runs with the new key and the one it replaces. A
 * household whose members', helper's and corrections' numbers were stored under the previous key is found by them
 * and its numbers are refused to another household; the pass stores them all again under the new key, tells the
 * other services its members' new hashes, and leaves nothing under the previous key.
 */
@RealInfrastructure
@SpringBootTest(properties = { "fupin.test.database=rehashing",
        "fupin.pii.id-hash-key=" + IdNumberRehashingIntegrationTests.NEW_KEY,
        "fupin.pii.id-hash-key-previous=" + IdNumberRehashingIntegrationTests.PREVIOUS_KEY })
@AutoConfigureMockMvc
class IdNumberRehashingIntegrationTests extends ServiceTestSupport {

    static final String PREVIOUS_KEY = "the-id-hash-key-before-the-rotation";
    static final String NEW_KEY = "the-id-hash-key-after-the-rotation";
    static final String VILLAGE = "350481106205";
    static final String HELPER = ResidentId.of("350481", LocalDate.of(1980, 5, 1), 7).value();

    @Autowired
    IdNumberRehashing rehashing;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    StoredIdNumbers stored;

    final SyntheticHouseholds synthetic = new SyntheticHouseholds(404);

    @Test
    void numbersUnderThePreviousKeyAreFoundRefusedToOthersAndStoredAgainUnderTheNewOne() throws Exception {
        RegisterHouseholdRequest form = synthetic.next(VILLAGE);
        String id = json.readTree(mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        mvc.perform(put("/api/v1/households/" + id + "/helpers").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("helpers",
                        List.of(Map.of("name", "王帮扶", "gender", "1", "idNumber", HELPER, "unit", "永安市扶贫办",
                                "startDate", "2020-03-01"))))))
                .andExpect(status().isOk());
        String head = form.getMembers().getFirst().getIdNumber();
        storedAsBeforeTheRotation(UUID.fromString(id), head);
        assertThat(storedUnderThePreviousKey()).as("the numbers as a registry held them before").isEqualTo(
                form.getMembers().size() + 1 + 2);

        mvc.perform(get("/api/v1/persons?idNumber=" + head).with(as("village-clerk", VILLAGE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].householdId").value(id));
        mvc.perform(get("/api/v1/households?idNumber=" + head).with(as("city-officer", "350481")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[0].id").value(id));
        RegisterHouseholdRequest twin = synthetic.next(VILLAGE).members(List.of(form.getMembers().getFirst()));
        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(twin)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("duplicate-id-number"));

        IdNumberRehashing.Pass pass = rehashing.pass();

        assertThat(pass.rehashed()).isGreaterThanOrEqualTo(1);
        assertThat(pass.left()).isZero();
        assertThat(storedUnderThePreviousKey()).as("nothing left under the previous key").isZero();
        String newHash = new IdNumberHash(NEW_KEY).of(head);
        assertThat(jdbc.queryForObject("select id_number_hash from member where household_id = ?::uuid and active"
                + " and relation = '01'", String.class, id)).isEqualTo(newHash);
        assertThat(jdbc.queryForList("select id_number_hash from active_id_number where household_id = ?::uuid",
                String.class, id)).contains(newHash).doesNotContain(new IdNumberHash(PREVIOUS_KEY).of(head));
        assertThat(new StoredIdNumbers(new IdNumberHash(NEW_KEY), cipher).read(jdbc.queryForObject(
                "select id_number from helper where household_id = ?::uuid", byte[].class, id))).isEqualTo(HELPER);
        try (TopicProbe probe = new TopicProbe(brokers, "household.events")) {
            String event = probe.awaitEvent(id, "HouseholdUpdated");
            assertThat(new EventSchemas().violations(event)).isEmpty();
            JsonNode data = json.readTree(event).get("data");
            List<String> hashes = new ArrayList<>();
            data.get("members").forEach(member -> hashes.add(member.get("idNumberHash").asString()));
            assertThat(hashes).contains(newHash).hasSize(form.getMembers().size());
            assertThat(data.get("changedFields").toString()).contains(".idNumberHash");
        }
        assertThat(rehashing.pass()).as("a second pass has nothing to do").isEqualTo(new IdNumberRehashing.Pass(0, 0));
    }

    /** The household's members', helper's and a correction's numbers stored as the previous key stored them. */
    private void storedAsBeforeTheRotation(UUID household, String head) {
        StoredIdNumbers before = new StoredIdNumbers(new IdNumberHash(PREVIOUS_KEY), cipher);
        for (Map<String, Object> member : jdbc.queryForList(
                "select member_id, id_number from member where household_id = ?", household)) {
            jdbc.update("update member set id_number = ? where household_id = ? and member_id = ?",
                    before.store(stored.read((byte[]) member.get("id_number"))), household, member.get("member_id"));
        }
        jdbc.update("update helper set id_number = ? where household_id = ?", before.store(HELPER), household);
        jdbc.update("""
                insert into member_correction (household_id, member_id, field, indicator, old_id_number, new_id_number,
                    reason, corrected_by, corrected_at)
                select household_id, member_id, 'idNumber', 'A4', ?, ?, '录入错误', 'clerk', now() from member
                where household_id = ? and relation = '01'""", before.store(HELPER), before.store(head), household);
    }

    /** How many stored numbers of the registry carry the previous key's hash. */
    private long storedUnderThePreviousKey() {
        IdNumberHash previous = new IdNumberHash(PREVIOUS_KEY);
        long count = 0;
        for (byte[] value : jdbc.queryForList("""
                select id_number from member union all select id_number from helper where id_number is not null
                union all select old_id_number from member_correction where old_id_number is not null
                union all select new_id_number from member_correction where new_id_number is not null""",
                byte[].class)) {
            String hex = HexFormat.of().formatHex(value, 0, 32);
            count += hex.equals(previous.of(stored.read(value))) ? 1 : 0;
        }
        return count;
    }
}
