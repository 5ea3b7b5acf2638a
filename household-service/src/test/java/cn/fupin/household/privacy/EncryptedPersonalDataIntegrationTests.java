package cn.fupin.household.privacy;

import static cn.fupin.platform.testing.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.platform.pii.IdNumberHash;
import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * ID numbers (and phones) are stored encrypted: the database holds neither the number nor anything that reveals it without the
 * keys, yet registration, exact search and the unique index work on the keyed hash.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class EncryptedPersonalDataIntegrationTests extends ServiceTestSupport {

    static final String VILLAGE = "350481106204";

    @Autowired
    IdNumberHash hash;

    @Autowired
    StoredIdNumbers stored;

    @Autowired
    HouseholdQueries households;

    UUID register(RegisterHouseholdRequest form) throws Exception {
        String body = mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(form)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(json.readTree(body).get("id").asString());
    }

    @Test
    void theDatabaseHoldsNoNumberInTheClearAndSearchStillFindsIt() throws Exception {
        RegisterHouseholdRequest form = new SyntheticHouseholds(197).next(VILLAGE);
        UUID id = register(form);
        String number = form.getMembers().getFirst().getIdNumber();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id_number, id_number_hash from member where household_id = ? order by ordinal", id);
        assertThat(rows).hasSize(form.getMembers().size());
        byte[] stored = (byte[]) rows.getFirst().get("id_number");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(number)
                .doesNotContain(number.substring(6, 14));
        assertThat(rows.getFirst().get("id_number_hash")).isEqualTo(hash.of(number));
        assertThat(jdbc.queryForObject("select count(*) from member where id_number_hash = ?", Long.class,
                hash.of(number.toLowerCase()))).isEqualTo(1);

        assertThat(households.find(id, AreaScope.ALL).orElseThrow().getMembers().getFirst().idNumber().value())
                .isEqualTo(number);
        if (form.getPhone() != null) {
            byte[] phone = jdbc.queryForObject("select phone from household where id = ?", byte[].class, id);
            assertThat(new String(phone, StandardCharsets.ISO_8859_1)).as("phone sealed").doesNotContain(form.getPhone());
            assertThat(households.find(id, AreaScope.ALL).orElseThrow().getPhone()).isEqualTo(form.getPhone());
        }
        mvc.perform(get("/api/v1/persons").param("idNumber", " " + number.toLowerCase() + " ")
                .with(as("village-clerk", VILLAGE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].householdId").value(id.toString()));
    }

    @Test
    void twoEncryptionsOfOneNumberDifferAndTheUniqueIndexStillHolds() throws Exception {
        RegisterHouseholdRequest first = new SyntheticHouseholds(198).next(VILLAGE);
        register(first);
        RegisterHouseholdRequest second = new SyntheticHouseholds(198).next(VILLAGE);

        mvc.perform(post("/api/v1/households").with(as("village-clerk", VILLAGE))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(second)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("duplicate-id-number"));

        String number = first.getMembers().getFirst().getIdNumber();
        byte[] once = stored.store(number);
        byte[] twice = stored.store(number);
        assertThat(once).isNotEqualTo(twice);
        assertThat(Arrays.copyOf(once, 32)).isEqualTo(Arrays.copyOf(twice, 32));
        assertThat(stored.read(once)).isEqualTo(stored.read(twice)).isEqualTo(number);
        assertThat(jdbc.queryForObject("select count(*) from member where id_number_hash = ?", Long.class,
                hash.of(number))).isEqualTo(1);
    }

    @Test
    void aValueMovedToAnotherMemberCannotBeRead() throws Exception {
        RegisterHouseholdRequest form = new SyntheticHouseholds(200).next(VILLAGE);
        UUID id = register(form);
        assertThat(form.getMembers()).hasSizeGreaterThan(1);
        byte[] first = storedFor(form.getMembers().get(0).getIdNumber());
        byte[] second = storedFor(form.getMembers().get(1).getIdNumber());
        // the second member's sealed number behind the first member's hash: the tag no longer verifies
        byte[] forged = Arrays.copyOf(first, second.length);
        System.arraycopy(second, 32, forged, 32, second.length - 32);
        jdbc.update("update member set id_number = ? where id_number_hash = ?", forged,
                hash.of(form.getMembers().get(0).getIdNumber()));

        assertThatThrownBy(() -> households.find(id, AreaScope.ALL))
                .hasStackTraceContaining("fails its authentication tag");
    }

    byte[] storedFor(String number) {
        return jdbc.queryForObject("select id_number from member where id_number_hash = ?", byte[].class,
                hash.of(number));
    }
}
